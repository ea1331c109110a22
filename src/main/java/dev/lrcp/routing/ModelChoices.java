package dev.lrcp.routing;

import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Model choices per endpoint (see {@link ModelChoice}): made and cleared through the database, so
 * every replica applies the same ones; each replica keeps those in force in memory, re-read every
 * {@link Overrides#REFRESH} (at once after its own change), so routing never waits on the database.
 */
@Component
public class ModelChoices {

  static final int MAX_REASON = 500;

  private final ModelChoiceStore store;
  private final ModelCatalog catalog;
  private final LlmProperties.Provider provider;
  private final Clock clock;
  private volatile Map<String, ModelChoice> byRequestType = Map.of();

  ModelChoices(ModelChoiceStore store, ModelCatalog catalog, LlmProperties llm, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.provider = llm.provider();
    this.clock = clock;
  }

  /**
   * Makes {@code request.model()} the endpoint's model, replacing the choice in force there.
   *
   * @throws RoutingRequestException an unknown endpoint or model, a model the configured provider
   *     does not serve, or a missing reason
   */
  public ModelChoice choose(ModelChoice.New request) {
    check(request);
    var choice =
        new ModelChoice(
            "mch-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
            request.endpoint(),
            request.model(),
            request.reason().strip(),
            request.source(),
            request.actor(),
            clock.instant(),
            null,
            null);
    store.replace(choice);
    refresh();
    return choice;
  }

  /**
   * Clears the endpoint's choice if {@code source} made it; the configured policy applies again.
   *
   * @return whether a choice was cleared
   */
  public boolean clear(String endpoint, String source, String actor) {
    boolean cleared = store.clear(endpoint, source, clock.instant(), actor);
    refresh();
    return cleared;
  }

  /** The choices in force, by endpoint. */
  public List<ModelChoice> active() {
    return byRequestType.values().stream()
        .sorted(java.util.Comparator.comparing(ModelChoice::endpoint))
        .toList();
  }

  /** Choices in force and cleared, newest first: the audit trail. */
  List<ModelChoice> recent(int limit) {
    return store.recent(limit);
  }

  /** The model chosen for the endpoint of this request type. */
  Optional<String> model(String requestType) {
    return Optional.ofNullable(byRequestType.get(requestType)).map(ModelChoice::model);
  }

  @Scheduled(fixedDelay = Overrides.REFRESH, initialDelay = 0)
  public void refresh() {
    byRequestType =
        store.active().stream()
            .filter(c -> Endpoints.requestType(c.endpoint()).isPresent())
            .collect(
                Collectors.toUnmodifiableMap(
                    c -> Endpoints.requestType(c.endpoint()).orElseThrow(),
                    c -> c,
                    (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b));
  }

  private void check(ModelChoice.New r) {
    if (r.endpoint() == null || Endpoints.requestType(r.endpoint()).isEmpty()) {
      throw RoutingRequestException.unknown(
          "endpoint", "unknown endpoint " + r.endpoint() + "; one of " + Endpoints.ALL);
    }
    ModelSpec model =
        catalog
            .find(r.model() == null ? "" : r.model())
            .orElseThrow(
                () ->
                    RoutingRequestException.unknown(
                        "model",
                        "unknown model "
                            + r.model()
                            + "; known: "
                            + catalog.all().stream().map(ModelSpec::name).toList()));
    if (!provider.serves(model.provider())) {
      String configured = provider.name().toLowerCase(java.util.Locale.ROOT);
      throw RoutingRequestException.unknown(
          "model",
          new ModelNotServedException(model.name(), model.provider(), configured).getMessage());
    }
    if (r.reason() == null || r.reason().isBlank() || r.reason().length() > MAX_REASON) {
      throw RoutingRequestException.invalid("reason", "must be 1 to " + MAX_REASON + " characters");
    }
  }
}
