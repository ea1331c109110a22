package dev.lrcp.routing;

import java.util.List;

/**
 * What a call's scope asks of the router before any statistics: the policy, its candidates
 * (cheapest first) and the reference they are measured against.
 *
 * @param reason where the policy came from ({@code request}, {@code endpoint}, {@code application},
 *     {@code alias}, {@code default}, {@code choice})
 * @param reference null for {@code static}, except for a model chosen at run time: then the model
 *     the configuration would have called, which its savings are measured against
 */
record Plan(Policy policy, List<String> candidates, String reference, String reason) {

  Plan {
    candidates = List.copyOf(candidates);
  }

  /** The model a static plan calls, or the first one a cascade tries. */
  String first() {
    return candidates.getFirst();
  }
}
