package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingModelHolderTests {

  @Test
  void disabledModelIsNeverReadyAndFailsFastSoScoringFallsBack() {
    EmbeddingModelHolder holder =
        new EmbeddingModelHolder(
            new QualityProperties(0.5, 1, 8, 0.25, true, Duration.ofMinutes(5), false));

    assertThat(holder.ready()).isFalse();
    assertThatThrownBy(() -> holder.vectors(List.of("text")))
        .isInstanceOf(EmbedderUnavailableException.class);
  }
}
