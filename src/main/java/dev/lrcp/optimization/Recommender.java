package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.ModelCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Runs every builder over every endpoint of a window of call records. Pure: the records, the price
 * table and the random source come in; findings, largest monthly saving first, come out.
 */
final class Recommender {

  static final Duration MONTH = Duration.ofDays(30);

  /** A window of a few seconds would extrapolate wildly: the observed span counts as this much. */
  static final Duration MIN_SPAN = Duration.ofHours(1);

  private final List<RecommendationBuilder> builders;
  private final ModelCatalog catalog;

  Recommender(List<RecommendationBuilder> builders, ModelCatalog catalog) {
    this.builders = List.copyOf(builders);
    this.catalog = catalog;
  }

  static Recommender standard(ModelCatalog catalog) {
    return new Recommender(
        List.of(
            new CheaperModelBuilder(),
            new CachingBuilder(),
            new PromptTrimmingBuilder(),
            new OutputCapBuilder(),
            new RetryWasteBuilder(),
            new ThinkingBudgetBuilder()),
        catalog);
  }

  /** Findings over the calls that reached a model in [{@code from}, {@code to}). */
  List<Finding> recommend(
      List<CallRecord> records, Instant from, Instant to, RandomGenerator random) {
    List<CallRecord> calls = records.stream().filter(CallRecord::called).toList();
    if (calls.isEmpty()) {
      return List.of();
    }
    Instant first = calls.stream().map(CallRecord::at).min(Comparator.naturalOrder()).orElseThrow();
    Instant start = first.isAfter(from) ? first : from;
    Duration span = Duration.between(start, to);
    double factor = (double) MONTH.toMillis() / Math.max(span.toMillis(), MIN_SPAN.toMillis());
    var bootstrap = new Bootstrap(random);
    Map<String, List<CallRecord>> byEndpoint =
        calls.stream()
            .filter(c -> c.endpoint() != null)
            .collect(
                Collectors.groupingBy(CallRecord::endpoint, TreeMap::new, Collectors.toList()));
    return byEndpoint.entrySet().stream()
        .map(e -> new EndpointCalls(e.getKey(), e.getValue(), factor, catalog, bootstrap))
        .flatMap(scope -> builders.stream().map(b -> b.build(scope)))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparingDouble((Finding f) -> f.monthly().usd()).reversed())
        .toList();
  }
}
