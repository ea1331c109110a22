package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Caching, proposed when at least {@value #MIN_REPEAT_SHARE} of an endpoint's organic answers
 * repeat a prompt already answered in the window (same hash of the normalised prompt) while the
 * response cache did not apply to them. The saving is what the repeats cost; the bootstrap draws
 * whole prompts, since repeats of one prompt are not independent. Drill traffic is left out: the
 * response cache never serves it.
 */
final class CachingBuilder implements RecommendationBuilder {

  static final double MIN_REPEAT_SHARE = 0.10;

  @Override
  public Optional<Finding> build(EndpointCalls scope) {
    List<CallRecord> calls =
        scope.answered().stream()
            .filter(c -> !c.labels().injected() && c.cache() == null && c.prompt() != null)
            .toList();
    if (calls.size() < EndpointCalls.MIN_CALLS) {
      return Optional.empty();
    }
    var groups = new LinkedHashMap<String, List<CallRecord>>();
    calls.forEach(c -> groups.computeIfAbsent(c.prompt().hash(), h -> new ArrayList<>()).add(c));
    int repeats = calls.size() - groups.size();
    if (repeats < MIN_REPEAT_SHARE * calls.size()) {
      return Optional.empty();
    }
    double[] units =
        groups.values().stream()
            .mapToDouble(g -> g.stream().skip(1).mapToDouble(c -> c.numbers().costUsd()).sum())
            .toArray();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("organic_answers", calls.size());
    evidence.put("distinct_prompts", groups.size());
    evidence.put("repeated_answers", repeats);
    evidence.put("repeat_share", repeats / (double) calls.size());
    return scope.finding(
        new EndpointCalls.Draft(
            Kind.CACHING,
            null,
            "Cache answers on " + scope.endpoint(),
            String.format(
                Locale.ROOT,
                "%.0f%% of the organic answers on %s repeat a prompt already answered; the response"
                    + " cache (lrcp.cache.routes.<request type>.exact) would serve them.",
                100.0 * repeats / calls.size(),
                scope.endpoint()),
            units,
            1,
            evidence,
            null));
  }
}
