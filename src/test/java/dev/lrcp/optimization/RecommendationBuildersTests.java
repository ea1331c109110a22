package dev.lrcp.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrcp.flow.CallRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RecommendationBuildersTests {

  private static final String FLASH = "gemini-2.5-flash";
  private static final String LITE = "gemini-2.5-flash-lite";

  @Test
  void outputCapFiresOnALongTailOfAnswers() {
    var calls = calls(100, i -> Usage.of("/qa", FLASH, 200, i % 25 == 0 ? 1500 : 100));

    Finding f = only(new OutputCapBuilder(), calls);

    assertThat(f.kind()).isEqualTo(Kind.OUTPUT_CAP);
    assertThat(f.control()).isEqualTo(new Control(Control.MAX_TOKENS, "/qa", "112"));
    assertThat(f.evidence()).containsEntry("answers_cut_share", 0.04);
    assertThat(f.monthly().usd()).isPositive();
    assertThat(f.monthly().lowUsd()).isLessThanOrEqualTo(f.monthly().usd());
    assertThat(f.monthly().highUsd()).isGreaterThanOrEqualTo(f.monthly().usd());
    assertThat(f.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void outputCapStaysSilentWhenAnswersAreEvenlyLong() {
    var calls = calls(100, i -> Usage.of("/qa", FLASH, 200, 90 + i % 11));

    assertThat(run(new OutputCapBuilder(), calls)).isEmpty();
  }

  @Test
  void promptTrimmingFiresOnRepeatedContent() {
    var calls = calls(60, i -> Usage.of("/stress", FLASH, 900, 60).prompt("h" + i, 0.98));

    Finding f = only(new PromptTrimmingBuilder(), calls);

    assertThat(f.kind()).isEqualTo(Kind.PROMPT_TRIMMING);
    assertThat(f.evidence().get("repeated_content_share")).isEqualTo(0.98);
    assertThat(f.savingsPercentage()).isBetween(40.0, 100.0);
  }

  @Test
  void promptTrimmingFiresOnALongContextTail() {
    var calls = calls(60, i -> Usage.of("/qa", FLASH, i % 5 == 0 ? 20_000 : 300, 60));

    Finding f = only(new PromptTrimmingBuilder(), calls);

    assertThat((double) f.evidence().get("long_context_share")).isEqualTo(0.2);
  }

  @Test
  void promptTrimmingStaysSilentOnShortDistinctPrompts() {
    var calls = calls(60, i -> Usage.of("/qa", FLASH, 280 + i, 60).prompt("h" + i, 0.0));

    assertThat(run(new PromptTrimmingBuilder(), calls)).isEmpty();
  }

  @Test
  void cachingFiresOnRepeatedOrganicPrompts() {
    var calls = calls(60, i -> Usage.of("/qa", FLASH, 300, 80).prompt("h" + (i % 6), 0));

    Finding f = only(new CachingBuilder(), calls);

    assertThat(f.evidence())
        .containsEntry("distinct_prompts", 6)
        .containsEntry("repeated_answers", 54);
    assertThat(f.savingsPercentage()).isCloseTo(90.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void cachingStaysSilentOnDistinctPromptsAndOnDrills() {
    var distinct = calls(60, i -> Usage.of("/qa", FLASH, 300, 80).prompt("h" + i, 0));
    var drills = calls(60, i -> Usage.of("/qa", FLASH, 300, 80).prompt("same", 0).drill());

    assertThat(run(new CachingBuilder(), distinct)).isEmpty();
    assertThat(run(new CachingBuilder(), drills)).isEmpty();
  }

  @Test
  void retryWasteFiresOnFailedCallsThatSpent() {
    var calls =
        calls(
            60,
            i ->
                i % 4 == 0
                    ? Usage.of("/reason", FLASH, 0, 0).failedAfterSpending(0.001)
                    : Usage.of("/reason", FLASH, 300, 100));

    Finding f = only(new RetryWasteBuilder(), calls);

    assertThat(f.evidence()).containsEntry("failed_calls", 15);
  }

  @Test
  void retryWasteCountsWhatEarlierAttemptsCost() {
    var calls = calls(60, i -> Usage.of("/reason", FLASH, 300, 100).extraCost(0.0005));

    assertThat(only(new RetryWasteBuilder(), calls).savingsPerRequest())
        .isCloseTo(0.0005, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void retryWasteStaysSilentWhenFailuresCostNothing() {
    var calls =
        calls(
            60,
            i ->
                i % 4 == 0
                    ? Usage.of("/reason", FLASH, 0, 0).failedAfterSpending(0)
                    : Usage.of("/reason", FLASH, 300, 100));

    assertThat(run(new RetryWasteBuilder(), calls)).isEmpty();
  }

  @Test
  void thinkingBudgetFiresWhenLessThinkingScoresTheSame() {
    var calls =
        calls(
            80,
            i ->
                Usage.of("/reason", FLASH, 300, 100)
                    .thinking(i % 2 == 0 ? 200 : 2000)
                    .quality(0.8 + (i % 3) * 0.01));

    Finding f = only(new ThinkingBudgetBuilder(), calls);

    assertThat(f.evidence()).containsEntry("proposed_budget_tokens", 200);
    assertThat(f.control()).isEqualTo(new Control(Control.THINKING_BUDGET, "/reason", "200"));
    assertThat(f.confidence()).isGreaterThan(0.5);
  }

  @Test
  void thinkingBudgetSavesOnlyWhatTheModelLetsItCut() {
    // Gemini 2.5 Pro thinks at least 128 tokens: a budget of 100 keeps 128 of them
    IntFunction<Usage> pro =
        i -> Usage.of("/reason", "gemini-2.5-pro", 300, 100).thinking(i % 2 == 0 ? 100 : 1000);
    IntFunction<Usage> flash =
        i -> Usage.of("/reason", FLASH, 300, 100).thinking(i % 2 == 0 ? 100 : 1000);

    Finding onPro = only(new ThinkingBudgetBuilder(), calls(80, i -> pro.apply(i).quality(0.8)));
    Finding onFlash =
        only(new ThinkingBudgetBuilder(), calls(80, i -> flash.apply(i).quality(0.8)));

    // per thinking call above the budget: (1000 - 128) x $10 and (1000 - 100) x $2.50 per 1M
    assertThat(onPro.savingsPerRequest()).isCloseTo(872 * 10.0 / 1e6 / 2, within(1e-9));
    assertThat(onFlash.savingsPerRequest()).isCloseTo(900 * 2.5 / 1e6 / 2, within(1e-9));
  }

  @Test
  void thinkingBudgetStaysSilentWithoutThinking() {
    var calls = calls(80, i -> Usage.of("/reason", FLASH, 300, 100).quality(0.8));

    assertThat(run(new ThinkingBudgetBuilder(), calls)).isEmpty();
  }

  @Test
  void thinkingBudgetStaysSilentWhenThinkingBuysQuality() {
    var calls =
        calls(
            80,
            i ->
                Usage.of("/reason", FLASH, 300, 100)
                    .thinking(i % 2 == 0 ? 200 : 2000)
                    .quality(i % 2 == 0 ? 0.5 : 0.9));

    assertThat(run(new ThinkingBudgetBuilder(), calls)).isEmpty();
  }

  @Test
  void cheaperModelFiresWhereItsMeasuredQualityHolds() {
    var calls =
        calls(
            120,
            i ->
                Usage.of("/qa", i % 3 == 0 ? LITE : FLASH, 400, 120)
                    .quality(0.82 + (i % 5) * 0.01));

    Finding f = only(new CheaperModelBuilder(), calls);

    assertThat(f.control()).isEqualTo(new Control(Control.MODEL, "/qa", LITE));
    assertThat(f.model()).isEqualTo(FLASH);
    assertThat(f.savingsPercentage()).isPositive();
  }

  @Test
  void cheaperModelStaysSilentWhenItsQualityIsWorse() {
    var calls =
        calls(
            120,
            i ->
                Usage.of("/qa", i % 3 == 0 ? LITE : FLASH, 400, 120)
                    .quality(i % 3 == 0 ? 0.6 : 0.85));

    assertThat(run(new CheaperModelBuilder(), calls)).isEmpty();
  }

  @Test
  void tooFewCallsSayNothing() {
    var calls = calls(10, i -> Usage.of("/qa", FLASH, 200, i % 2 == 0 ? 1500 : 100));

    assertThat(run(new OutputCapBuilder(), calls)).isEmpty();
  }

  @Test
  void monthlySavingScalesTheWindowToThirtyDays() {
    var calls = calls(100, i -> Usage.of("/qa", FLASH, 200, 100).prompt("h", 0.5));
    var recommender = new Recommender(List.of(new PromptTrimmingBuilder()), Usage.CATALOG);

    Finding f =
        recommender
            .recommend(calls, Usage.T0, Usage.T0.plus(Duration.ofHours(2)), new SplittableRandom(1))
            .getFirst();

    double window = f.savingsPerRequest() * calls.size();
    assertThat(f.monthly().usd())
        .isCloseTo(window * 360, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static List<CallRecord> calls(int n, IntFunction<Usage> usage) {
    var calls = new ArrayList<CallRecord>();
    for (int i = 0; i < n; i++) {
      calls.add(usage.apply(i).at(i));
    }
    return calls;
  }

  private static List<Finding> run(RecommendationBuilder builder, List<CallRecord> calls) {
    return new Recommender(List.of(builder), Usage.CATALOG)
        .recommend(calls, Usage.T0, Usage.T0.plus(Duration.ofHours(1)), new SplittableRandom(7));
  }

  private static Finding only(RecommendationBuilder builder, List<CallRecord> calls) {
    List<Finding> found = run(builder, calls);
    assertThat(found).hasSize(1);
    return found.getFirst();
  }
}
