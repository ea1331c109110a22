package dev.lrcp.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.quality.Embedders;
import dev.lrcp.quality.SentenceEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The semantic cache's threshold curve on the generated pairs ({@link SemanticPairs}): for each
 * cosine threshold, the share of near-miss pairs that would be served the other question's answer
 * (false hits) and the share of paraphrases that would be served (hits), with and without the
 * {@link NearMissGuard}. Guards the default threshold's false-hit rate.
 */
class SemanticThresholdEvaluationTests {

  /** Near-miss pairs served at the default threshold may be at most this share (measured: 0). */
  static final double MAX_FALSE_HIT_RATE = 0.01;

  record Pair(String label, String slot, double cosine, boolean sameSpecifics) {}

  static List<Pair> pairs;

  @BeforeAll
  static void embed() throws IOException {
    var json = JsonMapper.builder().build();
    List<JsonNode> rows = new ArrayList<>();
    try (InputStream in =
        SemanticThresholdEvaluationTests.class.getResourceAsStream("/cache/semantic-pairs.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          rows.add(json.readTree(line));
        }
      }
    }
    var texts = new ArrayList<String>();
    for (JsonNode r : rows) {
      texts.add(r.path("a").asString());
      texts.add(r.path("b").asString());
    }
    float[][] vectors = Embedders.miniLm().vectors(texts);
    pairs = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      pairs.add(
          new Pair(
              r.path("label").asString(),
              r.path("slot").asString(),
              SentenceEmbedder.cosine(vectors[2 * i], vectors[2 * i + 1]),
              NearMissGuard.sameSpecifics(r.path("a").asString(), r.path("b").asString())));
    }
  }

  static double rate(String label, double threshold, boolean guard) {
    var selected = pairs.stream().filter(p -> p.label().equals(label)).toList();
    long served =
        selected.stream()
            .filter(p -> p.cosine() >= threshold && (!guard || p.sameSpecifics()))
            .count();
    return (double) served / selected.size();
  }

  @Test
  void theDefaultThresholdKeepsNearMissesOutAndServesParaphrases() {
    long nearMisses = pairs.stream().filter(p -> p.label().equals("near_miss")).count();
    long paraphrases = pairs.size() - nearMisses;
    assertThat(nearMisses).isGreaterThanOrEqualTo(200);
    assertThat(paraphrases).isGreaterThanOrEqualTo(200);
    System.out.println(
        "threshold | near-miss false hits (cosine only / with guard) | paraphrase hits (cosine only"
            + " / with guard)");
    for (int t = 80; t <= 99; t++) {
      double th = t / 100.0;
      System.out.printf(
          Locale.ROOT,
          "%.2f | %.3f / %.3f | %.3f / %.3f%n",
          th,
          rate("near_miss", th, false),
          rate("near_miss", th, true),
          rate("paraphrase", th, false),
          rate("paraphrase", th, true));
    }
    double nounNearMiss =
        pairs.stream()
            .filter(p -> p.label().equals("near_miss") && p.slot().equals("noun"))
            .mapToDouble(Pair::cosine)
            .max()
            .orElse(0);
    System.out.printf(
        Locale.ROOT, "highest cosine of a near miss the guard cannot see: %.3f%n", nounNearMiss);
    double threshold = CacheProperties.DEFAULT_THRESHOLD;
    assertThat(rate("near_miss", threshold, true)).isLessThanOrEqualTo(MAX_FALSE_HIT_RATE);
    assertThat(rate("paraphrase", threshold, true)).as("paraphrases served").isPositive();
  }

  @Test
  void nearMissesOnCommonNounsAreLeftToTheCosine() {
    // the guard only sees numbers and names: these near misses pass it, so the threshold alone
    // must keep them out
    var nouns =
        pairs.stream()
            .filter(p -> p.label().equals("near_miss") && p.slot().equals("noun"))
            .toList();
    assertThat(nouns).allMatch(Pair::sameSpecifics);
    assertThat(nouns).allMatch(p -> p.cosine() < CacheProperties.DEFAULT_THRESHOLD);
  }
}
