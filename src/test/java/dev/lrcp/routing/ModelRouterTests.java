package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.flow.CallRecord.Routing;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.LlmProperties.Provider;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.routing.RoutingProperties.Holds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The router with configured policies, a fixed override lookup and no statistics. */
class ModelRouterTests {

  static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
  static final RandomGenerator NEVER_EXPLORE = () -> Long.MAX_VALUE;

  final ModelCatalog catalog = ModelCatalog.load();
  Optional<RoutingOverride> override = Optional.empty();

  Map<String, String> chosen = Map.of();

  ModelRouter router(RoutingProperties properties, Provider provider) {
    var policies =
        new RoutingPolicies(
            properties, catalog, provider, type -> Optional.ofNullable(chosen.get(type)));
    return new ModelRouter(
        policies,
        (endpoint, application) -> override,
        (endpoint, models) -> Map.of(),
        new CheapestThatHolds(properties.holds(), NEVER_EXPLORE));
  }

  ModelRouter router(Map<String, String> models) {
    return router(
        new RoutingProperties("gemini-2.5-flash", models, null, null, null, null, null),
        Provider.SIMULATED);
  }

  static CallRequest request(String endpoint, String type, String model, String application) {
    return new CallRequest(
        endpoint,
        type,
        "What?",
        null,
        List.of(Message.user("What?")),
        model,
        null,
        null,
        new CallTags(application, null, "key:abc"),
        null,
        null,
        null,
        null);
  }

  static CallRequest qa(String model) {
    return request("/qa", "qa", model, null);
  }

  static PolicySpec spec(Policy policy, String... models) {
    return new PolicySpec(policy, List.of(models), null);
  }

  static RoutingProperties properties(
      Map<String, PolicySpec> policies,
      Map<String, PolicySpec> applications,
      Map<String, PolicySpec> aliases) {
    return new RoutingProperties(
        "gemini-2.5-flash", null, policies, applications, aliases, Holds.DEFAULT, null);
  }

  @Test
  void usesTheDefaultModelWhenNothingElseIsSaidAndAStaticChoiceSavesNothing() {
    Routing r = router(null).decide(qa(null));

    assertThat(r.policy()).isEqualTo("static");
    assertThat(r.reason()).isEqualTo("default");
    assertThat(r.chosenModel()).isEqualTo("gemini-2.5-flash");
    assertThat(r.referenceModel()).isNull();
    assertThat(r.savingsUsd()).isZero();
  }

  @Test
  void reasoningGoesToTheLargerModelOutOfTheBoxAndAutoMeansTheSame() {
    assertThat(router(null).decide(request("/reason", "reason", " ", null)))
        .extracting(Routing::chosenModel, Routing::reason)
        .containsExactly("gemini-2.5-pro", "endpoint");
    assertThat(router(null).decide(request("/reason", "reason", "auto", null)).chosenModel())
        .isEqualTo("gemini-2.5-pro");
  }

  @Test
  void configuredEndpointModelsAreLaidOverTheBuiltInOnesAndABlankEntryRemovesOne() {
    var router = router(Map.of("stress", "gemini-2.5-flash-lite", "reason", ""));
    assertThat(router.decide(request("/stress", "stress", null, null)).chosenModel())
        .isEqualTo("gemini-2.5-flash-lite");
    assertThat(router.decide(request("/reason", "reason", null, null)))
        .extracting(Routing::chosenModel, Routing::reason)
        .containsExactly("gemini-2.5-flash", "default");
  }

  @Test
  void aModelNamedByTheCallerWinsWhenTheCatalogKnowsIt() {
    assertThat(router(null).decide(request("/reason", "reason", "gpt-4o-mini", null)))
        .extracting(Routing::chosenModel, Routing::reason)
        .containsExactly("gpt-4o-mini", "request");
  }

  @Test
  void aModelTheCatalogDoesNotKnowIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> router(null).decide(qa("gemini-1.5-pro")))
        .isInstanceOfSatisfying(
            UnknownModelException.class,
            e -> {
              assertThat(e.model()).isEqualTo("gemini-1.5-pro");
              assertThat(e.known()).contains("gemini-2.5-flash", "gpt-4o");
            });
  }

  @Test
  void aModelOfAnotherProviderThanTheConfiguredOneIsRefusedBeforeAnyCall() {
    var gemini =
        router(
            new RoutingProperties("gemini-2.5-flash", null, null, null, null, null, null),
            Provider.GEMINI);

    assertThatThrownBy(() -> gemini.decide(qa("gpt-4o")))
        .isInstanceOfSatisfying(
            ModelNotServedException.class,
            e -> {
              assertThat(e.model()).isEqualTo("gpt-4o");
              assertThat(e.modelProvider()).isEqualTo("openai");
              assertThat(e.configuredProvider()).isEqualTo("gemini");
            });
    assertThat(gemini.decide(qa("gemini-2.5-pro")).chosenModel()).isEqualTo("gemini-2.5-pro");
  }

  @Test
  void anUnknownPolicyOrAliasIsRefusedNamingTheKnownOnes() {
    var router =
        router(
            properties(
                Map.of(),
                Map.of(),
                Map.of("thrifty", spec(Policy.CASCADE, "gemini-2.5-flash-lite", "gemini-2.5-pro"))),
            Provider.SIMULATED);

    assertThatThrownBy(() -> router.decide(qa("auto:cheapest")))
        .isInstanceOfSatisfying(
            UnknownPolicyException.class,
            e -> {
              assertThat(e.name()).isEqualTo("cheapest");
              assertThat(e.known())
                  .containsExactly("cascade", "cheapest-that-holds", "static", "thrifty");
            });
  }

  @Test
  void anAliasSelectsItsPolicyByNameWithOrWithoutThePrefix() {
    var thrifty = spec(Policy.CASCADE, "gemini-2.5-flash-lite", "gemini-2.5-pro");
    var router =
        router(properties(Map.of(), Map.of(), Map.of("thrifty", thrifty)), Provider.SIMULATED);

    for (String name : List.of("thrifty", "auto:thrifty")) {
      Routing r = router.decide(request("/v1/chat/completions", "chat", name, null));
      assertThat(r.policy()).isEqualTo("cascade");
      assertThat(r.candidates()).containsExactly("gemini-2.5-flash-lite", "gemini-2.5-pro");
      assertThat(r.chosenModel()).isEqualTo("gemini-2.5-flash-lite");
      assertThat(r.referenceModel()).isEqualTo("gemini-2.5-pro");
    }
  }

  @Test
  void anApplicationsPolicyWinsOverItsEndpointsPolicy() {
    var router =
        router(
            properties(
                Map.of("qa", spec(Policy.STATIC, "gemini-2.5-pro")),
                Map.of("checkout", spec(Policy.CASCADE, "gemini-2.5-flash", "gemini-2.5-pro")),
                Map.of()),
            Provider.SIMULATED);

    assertThat(router.decide(request("/qa", "qa", null, "checkout")))
        .extracting(Routing::policy, Routing::chosenModel)
        .containsExactly("cascade", "gemini-2.5-flash");
    assertThat(router.decide(request("/qa", "qa", null, "search")))
        .extracting(Routing::policy, Routing::reason, Routing::chosenModel)
        .containsExactly("static", "endpoint", "gemini-2.5-pro");
  }

  @Test
  void aNamedPolicyWithoutConfiguredModelsUsesTheEndpointModelAndTheCheaperModelsOfItsProvider() {
    Routing cascade = router(null).decide(request("/reason", "reason", "auto:cascade", null));
    assertThat(cascade.candidates()).containsExactly("gemini-2.5-flash-lite", "gemini-2.5-pro");

    Routing holds =
        router(null).decide(request("/reason", "reason", "auto:cheapest-that-holds", null));
    assertThat(holds.candidates())
        .containsExactly("gemini-2.5-flash-lite", "gemini-2.5-flash", "gemini-2.5-pro");
    assertThat(holds.referenceModel()).isEqualTo("gemini-2.5-pro");
    // no statistics yet: the reference answers until there are enough to compare
    assertThat(holds.chosenModel()).isEqualTo("gemini-2.5-pro");
    assertThat(holds.reason()).isEqualTo("insufficient_data");
  }

  @Test
  void anOverrideWinsOverThePolicyAndTheRequestsModelAndSavesAgainstWhatThePolicyWouldCall() {
    override =
        Optional.of(
            new RoutingOverride(
                "ovr-1",
                "/reason",
                null,
                "gemini-2.5-flash",
                "pro is slow",
                "key:abc",
                T,
                T.plus(Duration.ofMinutes(30)),
                null,
                null,
                "api",
                List.of()));

    Routing r = router(null).decide(request("/reason", "reason", "gemini-2.5-pro", null));

    assertThat(r.policy()).isEqualTo("override");
    assertThat(r.chosenModel()).isEqualTo("gemini-2.5-flash");
    assertThat(r.overrideId()).isEqualTo("ovr-1");
    assertThat(r.referenceModel()).isEqualTo("gemini-2.5-pro");
  }

  @Test
  void aModelChosenForTheEndpointDecidesCallsThatNameNoneAndIsMeasuredAgainstTheConfiguredOne() {
    chosen = Map.of("reason", "gemini-2.5-flash");

    Routing r = router(null).decide(request("/reason", "reason", null, null));

    assertThat(r.policy()).isEqualTo("static");
    assertThat(r.reason()).isEqualTo("choice");
    assertThat(r.chosenModel()).isEqualTo("gemini-2.5-flash");
    assertThat(r.referenceModel()).isEqualTo("gemini-2.5-pro");
    assertThat(router(null).decide(request("/qa", "qa", null, null)).referenceModel())
        .as("other endpoints keep their configuration")
        .isNull();
  }

  @Test
  void aModelChoiceGivesWayToTheRequestsModelTheApplicationsPolicyAndOverrides() {
    chosen = Map.of("qa", "gemini-2.5-flash-lite");
    var withApplication =
        properties(Map.of(), Map.of("support", spec(Policy.STATIC, "gemini-2.5-pro")), Map.of());

    assertThat(router(null).decide(qa("gemini-2.5-pro")).chosenModel()).isEqualTo("gemini-2.5-pro");
    assertThat(
            router(withApplication, Provider.SIMULATED)
                .decide(request("/qa", "qa", null, "support"))
                .chosenModel())
        .isEqualTo("gemini-2.5-pro");
    override =
        Optional.of(
            new RoutingOverride(
                "ovr-2",
                "/qa",
                null,
                "gemini-2.5-flash",
                "incident",
                "sre",
                T,
                T.plusSeconds(60),
                null,
                null,
                "api",
                List.of()));
    assertThat(router(null).decide(qa(null)).chosenModel()).isEqualTo("gemini-2.5-flash");
  }

  @Test
  void configuredPoliciesNamingUnknownOrUnservedModelsStopStartUp() {
    assertThatThrownBy(
            () ->
                new RoutingPolicies(
                    properties(
                        Map.of("qa", spec(Policy.CASCADE, "gemini-9", "gemini-2.5-pro")),
                        Map.of(),
                        Map.of()),
                    catalog,
                    Provider.SIMULATED))
        .hasMessageContaining("lrcp.routing.policies.qa: unknown model gemini-9");
    assertThatThrownBy(
            () ->
                new RoutingPolicies(
                    properties(Map.of(), Map.of(), Map.of("x", spec(Policy.STATIC, "gpt-4o"))),
                    catalog,
                    Provider.GEMINI))
        .hasMessageContaining("lrcp.routing.aliases.x: gpt-4o belongs to provider openai");
  }
}
