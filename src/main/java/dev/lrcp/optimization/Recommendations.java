package dev.lrcp.optimization;

import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.storage.CallRecordRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Service;

/** Creates, generates and finds recommendations. */
@Service
class Recommendations {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  static final long SEED = 20;

  private final RecommendationStore store;
  private final CallRecordRepository records;
  private final Recommender recommender;
  private final Clock clock;
  private final RandomGenerator ids = new SplittableRandom();

  Recommendations(
      RecommendationStore store, CallRecordRepository records, ModelCatalog catalog, Clock clock) {
    this.store = store;
    this.records = records;
    this.recommender = Recommender.standard(catalog);
    this.clock = clock;
  }

  Recommendation create(RecommendationRequest r) {
    Instant now = clock.instant();
    var created =
        new Recommendation(
            newId(now),
            r.title(),
            r.category(),
            r.description(),
            Recommendation.PENDING,
            r.priority() == null ? "medium" : r.priority(),
            r.estimatedSavingsPerRequest(),
            r.estimatedSavingsPercentage(),
            r.implementationCost() == null ? 0 : r.implementationCost(),
            now,
            null,
            Recommendation.PERSON,
            null,
            null,
            null,
            null,
            Map.of(),
            null,
            now,
            null,
            null);
    store.insert(created);
    return created;
  }

  /**
   * Computes findings over the last {@code window} of stored calls: a pending generated
   * recommendation with the same kind and scope is refreshed, a new one inserted, and a pending one
   * the data no longer supports expires. Implemented ones are left as they are. The bootstrap is
   * seeded with a constant, so the same records give the same intervals.
   */
  synchronized List<Recommendation> generate(Duration window) {
    Instant now = clock.instant();
    var findings =
        recommender.recommend(
            records.between(now.minus(window), now),
            now.minus(window),
            now,
            new SplittableRandom(SEED));
    var existing = new HashMap<String, Recommendation>();
    for (Recommendation r : store.list(null, null, Recommendation.GENERATED)) {
      if (!r.status().equals(Recommendation.EXPIRED)) {
        existing.putIfAbsent(r.fingerprint(), r);
      }
    }
    var result = new java.util.ArrayList<Recommendation>();
    for (Finding f : findings) {
      Recommendation old = existing.remove(f.fingerprint());
      if (old == null) {
        var fresh = Generated.from(f, newId(now), now, now);
        store.insert(fresh);
        result.add(fresh);
      } else if (old.status().equals(Recommendation.PENDING)) {
        var refreshed = Generated.from(f, old.id(), old.createdAt(), now);
        store.update(refreshed);
        result.add(refreshed);
      }
    }
    existing.values().stream()
        .filter(r -> r.status().equals(Recommendation.PENDING))
        .forEach(r -> store.update(Generated.withStatus(r, Recommendation.EXPIRED)));
    return result;
  }

  Recommendation find(String id) {
    return store.find(id).orElseThrow(() -> Problems.notFound(id));
  }

  List<Recommendation> list(String status, String category, String source) {
    return store.list(status, category, source);
  }

  private String newId(Instant now) {
    return "opt-"
        + ID_TIME.format(now)
        + "-"
        + Integer.toHexString(0x100000 + ids.nextInt(0xF00000));
  }
}
