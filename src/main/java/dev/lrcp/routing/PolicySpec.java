package dev.lrcp.routing;

import java.util.List;

/**
 * A configured routing policy for an endpoint, an application or an alias ({@code
 * lrcp.routing.policies.<request type>}, {@code .applications.<name>}, {@code .aliases.<name>}).
 *
 * @param policy {@code static} (default), {@code cheapest-that-holds} or {@code cascade}
 * @param models {@code static}: the model (else the endpoint's model); {@code cheapest-that-holds}:
 *     the candidates; {@code cascade}: the order to try, cheapest first, strongest last. Empty: the
 *     endpoint's model and the cheaper models of its provider
 * @param reference {@code cheapest-that-holds}: the model the others are measured against (default:
 *     the dearest candidate); a cascade's reference is its last model
 */
record PolicySpec(Policy policy, List<String> models, String reference) {

  PolicySpec {
    policy = policy == null ? Policy.STATIC : policy;
    models =
        models == null
            ? List.of()
            : models.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
    reference = reference == null || reference.isBlank() ? null : reference.strip();
  }
}
