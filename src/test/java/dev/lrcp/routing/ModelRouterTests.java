package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.llm.ModelCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRouterTests {

  final ModelCatalog catalog = ModelCatalog.load();

  ModelRouter router(Map<String, String> models) {
    return new ModelRouter(new RoutingProperties("gemini-2.5-flash", models), catalog);
  }

  @Test
  void usesTheDefaultModelWhenNothingElseIsSaid() {
    assertThat(router(null).route("qa", null))
        .isEqualTo(new RouteDecision("gemini-2.5-flash", "default"));
  }

  @Test
  void reasoningGoesToTheLargerModelOutOfTheBox() {
    assertThat(router(null).route("reason", " "))
        .isEqualTo(new RouteDecision("gemini-2.5-pro", "endpoint"));
  }

  @Test
  void configuredEndpointModelsAreLaidOverTheBuiltInOnes() {
    var router = router(Map.of("stress", "gemini-2.5-flash-lite"));
    assertThat(router.route("stress", null).model()).isEqualTo("gemini-2.5-flash-lite");
    assertThat(router.route("reason", null).model()).isEqualTo("gemini-2.5-pro");
  }

  @Test
  void aBlankEntryRemovesABuiltInOne() {
    assertThat(router(Map.of("reason", "")).route("reason", null))
        .isEqualTo(new RouteDecision("gemini-2.5-flash", "default"));
  }

  @Test
  void aModelNamedByTheCallerWinsWhenTheCatalogKnowsIt() {
    assertThat(router(null).route("reason", "gpt-4o-mini"))
        .isEqualTo(new RouteDecision("gpt-4o-mini", "request"));
  }

  @Test
  void aModelTheCatalogDoesNotKnowIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> router(null).route("qa", "gemini-1.5-pro"))
        .isInstanceOfSatisfying(
            UnknownModelException.class,
            e -> {
              assertThat(e.model()).isEqualTo("gemini-1.5-pro");
              assertThat(e.known()).contains("gemini-2.5-flash", "gpt-4o");
            });
  }

  @Test
  void aBlankDefaultModelIsAConfigurationError() {
    assertThatThrownBy(() -> new RoutingProperties(" ", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
