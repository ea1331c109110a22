package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What reaches the model: bounded texts with something visible, whatever the caller passes. */
class BoundedEmbedderTests {

  final List<String> seen = new ArrayList<>();

  /** A stand-in model that refuses blank text, as MiniLM does, and records what it embeds. */
  final SentenceEmbedder model =
      texts -> {
        for (String text : texts) {
          if (text.isBlank()) {
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
          }
        }
        seen.addAll(texts);
        return texts.stream().map(t -> unit(t.length())).toArray(float[][]::new);
      };

  static float[] unit(int seed) {
    float[] v = new float[BoundedEmbedder.DIMENSION];
    v[seed % v.length] = 1;
    return v;
  }

  @Test
  void aHugeTextIsEmbeddedFromItsFirstCharactersOnly() {
    float[][] v = new BoundedEmbedder(model).vectors(List.of("a".repeat(900_000), "short"));

    assertThat(seen).hasSize(2);
    assertThat(seen)
        .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(BoundedEmbedder.MAX_CHARS));
    assertThat(v).hasNumberOfRows(2);
  }

  @Test
  void aTextWithNothingVisibleGetsAZeroVectorWithoutReachingTheModel() {
    float[][] v =
        new BoundedEmbedder(model)
            .vectors(List.of("\u200b", "real words", "\u0000\ufeff", "\ud800"));

    assertThat(seen).containsExactly("real words");
    assertThat(v[0]).containsOnly(0f);
    assertThat(v[1]).contains(1f);
    assertThat(v[2]).containsOnly(0f);
    assertThat(v[3]).containsOnly(0f).hasSize(BoundedEmbedder.DIMENSION);
  }

  @Test
  void aTextTheModelStillRefusesCostsOnlyItsOwnVector() {
    SentenceEmbedder picky =
        texts -> {
          if (texts.contains("\u2028")) {
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
          }
          return model.vectors(texts);
        };

    float[][] v = new BoundedEmbedder(picky).vectors(List.of("kept", "\u2028"));

    assertThat(v[0]).contains(1f);
    assertThat(v[1]).containsOnly(0f);
  }

  @Test
  void aCutNeverEndsInsideASurrogatePair() {
    String emoji = "😀".repeat(BoundedEmbedder.MAX_CHARS);

    String clipped = BoundedEmbedder.clip(emoji);

    assertThat(Character.isHighSurrogate(clipped.charAt(clipped.length() - 1))).isFalse();
  }
}
