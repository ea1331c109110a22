package dev.lrcp.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelCatalogTests {

  private final ModelCatalog catalog = ModelCatalog.load();

  @Test
  void loadsEveryModelWithAPriceAndALatencyProfile() {
    assertThat(catalog.all())
        .extracting(ModelSpec::name)
        .contains(
            "gemini-2.5-pro",
            "gemini-2.5-flash",
            "gemini-2.5-flash-lite",
            "gpt-4o",
            "gpt-4o-mini",
            "gpt-4.1-mini");
    assertThat(catalog.all())
        .allSatisfy(
            m -> {
              assertThat(m.latency().timeToFirstTokenMs()).isPositive();
              assertThat(m.latency().perOutputTokenMs()).isPositive();
              assertThat(m.prices().getFirst().aboveInputTokens()).isZero();
            });
    assertThat(catalog.pricesSource()).contains("ai.google.dev").contains("2026-04-02");
  }

  @Test
  void pricesEachModelAtItsOwnRate() {
    var usage = new TokenUsage(1_000_000, 1_000_000, 0);
    assertThat(catalog.cost("gemini-2.5-flash", usage)).isCloseTo(0.30 + 2.50, within(1e-9));
    assertThat(catalog.cost("gemini-2.5-flash-lite", usage)).isCloseTo(0.10 + 0.40, within(1e-9));
    assertThat(catalog.cost("gpt-4o-mini", usage)).isCloseTo(0.15 + 0.60, within(1e-9));
    assertThat(catalog.cost("gpt-4o", usage)).isCloseTo(2.50 + 10.00, within(1e-9));
  }

  @Test
  void geminiProUsesTheLongContextTierAbove200kPromptTokens() {
    var atLimit = new TokenUsage(200_000, 1_000, 0);
    var above = new TokenUsage(200_001, 1_000, 0);
    assertThat(catalog.cost("gemini-2.5-pro", atLimit))
        .isCloseTo((200_000 * 1.25 + 1_000 * 10.00) / 1e6, within(1e-12));
    assertThat(catalog.cost("gemini-2.5-pro", above))
        .isCloseTo((200_001 * 2.50 + 1_000 * 15.00) / 1e6, within(1e-12));
  }

  @Test
  void thinkingTokensAreBilledAsOutput() {
    var withThinking = new TokenUsage(1_000, 200, 800);
    var sameAsOutput = new TokenUsage(1_000, 1_000, 0);
    assertThat(catalog.cost("gemini-2.5-pro", withThinking))
        .isCloseTo(catalog.cost("gemini-2.5-pro", sameAsOutput), within(1e-12))
        .isCloseTo((1_000 * 1.25 + 1_000 * 10.00) / 1e6, within(1e-12));
  }

  @Test
  void anUnknownModelCostsNothingRatherThanAGuess() {
    assertThat(catalog.cost("no-such-model", new TokenUsage(10, 10, 0))).isZero();
  }
}
