package dev.lrcp.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedClientTests {

  private static final ModelCatalog CATALOG = ModelCatalog.load();
  private static final String DATADOG_DOC =
      "Datadog is an observability platform for logs, metrics, traces, and more.";
  private static final String LONG_DOC =
      """
      The Eiffel Tower was completed in 1889 for the World's Fair in Paris. \
      It is made of wrought iron and weighs about 7,300 tonnes. \
      Bananas are rich in potassium and grow in tropical climates. \
      The tower was designed by the engineering company of Gustave Eiffel. \
      Penguins cannot fly but are excellent swimmers.""";

  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

  private SimulatedClient client(long seed, double scale) {
    return new SimulatedClient(CATALOG, seed, scale, slept::add);
  }

  private static LlmRequest qa(String id, String question, String document) {
    String prompt = "Q: " + question + "\nContext: " + (document == null ? "N/A" : document);
    return request(id, "qa", "gemini-2.5-flash", prompt);
  }

  private static LlmRequest request(String id, String type, String model, String prompt) {
    return new LlmRequest(
        id, "/" + type, type, model, List.of(Message.user(prompt)), null, null, null, null);
  }

  @Test
  void answersTheOriginalExampleFromTheDocument() {
    LlmResponse r = client(42, 0).generate(qa("p1", "What is Datadog?", DATADOG_DOC));
    assertThat(r.text()).isEqualTo(DATADOG_DOC);
    assertThat(r.provider()).isEqualTo("simulated");
    assertThat(r.model()).isEqualTo("gemini-2.5-flash");
    assertThat(r.safetyBlock()).isFalse();
  }

  @Test
  void quotesOnlyTheSentencesRelevantToTheQuestion() {
    for (int seed = 0; seed < 20; seed++) {
      String answer =
          client(seed, 0)
              .generate(qa("p" + seed, "Who designed the Eiffel tower?", LONG_DOC))
              .text();
      assertThat(answer)
          .contains("designed by the engineering company of Gustave Eiffel")
          .doesNotContain("Bananas")
          .doesNotContain("Penguins");
      assertThat(LONG_DOC).contains(answer.split("(?<=\\.) ")[0]);
    }
  }

  @Test
  void saysSoWhenTheDocumentDoesNotCoverTheQuestion() {
    String answer = client(1, 0).generate(qa("p", "What is the GDP of Mars?", DATADOG_DOC)).text();
    assertThat(answer).isEqualTo(ExtractiveAnswerer.NOT_IN_DOCUMENT);
  }

  @Test
  void sameSeedAndPromptIdGiveTheSameAnswerEvenUnderConcurrency() throws Exception {
    var sequential = client(7, 0);
    List<String> expected =
        IntStream.range(0, 40)
            .mapToObj(i -> sequential.generate(reason("id-" + i)).text())
            .toList();
    var concurrent = client(7, 0);
    try (var pool = Executors.newFixedThreadPool(8)) {
      var models =
          IntStream.range(0, 40)
              .mapToObj(
                  i -> {
                    String model = i % 2 == 0 ? "gemini-2.5-pro" : "gpt-4o-mini";
                    return pool.submit(
                        () -> {
                          LlmRequest r = request("m" + i, "chat", model, "hello " + i);
                          return r.model().equals(concurrent.generate(r).model());
                        });
                  })
              .toList();
      for (var sameModel : models) {
        assertThat(sameModel.get()).as("concurrent calls never cross models").isTrue();
      }
      var futures =
          IntStream.range(0, 40)
              .mapToObj(i -> pool.submit(() -> concurrent.generate(reason("id-" + i)).text()))
              .toList();
      for (int i = 0; i < 40; i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
      }
    }
    assertThat(client(8, 0).generate(reason("id-0")).text())
        .as("another seed gives another text")
        .isNotEqualTo(expected.getFirst());
    assertThat(expected).doesNotHaveDuplicates();
  }

  @Test
  void generatedTextUsesThePromptsKeyTermsAndVariesInLength() {
    var lengths = new java.util.HashSet<Integer>();
    for (int i = 0; i < 20; i++) {
      String text = client(3, 0).generate(reason("r" + i)).text();
      assertThat(text.toLowerCase()).containsAnyOf("latency", "retries", "timeouts");
      lengths.add(text.length());
    }
    assertThat(lengths).hasSizeGreaterThan(3);
  }

  @Test
  void aTwoLetterAcronymIsTheTopicOfAShortQuestion() {
    var asked =
        List.of(
            request("chat", "v1/chat/completions", "gemini-2.5-flash", "What is AI?"),
            qa("qa", "What is AI?", null));
    for (LlmRequest request : asked) {
      assertThat(client(5, 0).generate(request).text())
          .contains("AI")
          .doesNotContain("the request");
    }
  }

  @Test
  void countsTokensWithTheBpeTokenizer() {
    LlmRequest request = qa("t", "What is Datadog?", DATADOG_DOC);
    LlmResponse r = client(1, 0).generate(request);
    assertThat(r.usage().input()).isEqualTo(TokenCounter.count(request.promptText())).isPositive();
    assertThat(r.usage().output()).isEqualTo(TokenCounter.count(r.text())).isPositive();
  }

  @Test
  void aThinkingModelThinksOverItsPromptAndOthersNever() {
    String prompt = "Summarize the last 100 production incidents. ".repeat(40);
    int input = TokenCounter.count(prompt);

    int flash =
        client(1, 0)
            .generate(request("t1", "stress", "gemini-2.5-flash", prompt))
            .usage()
            .thinking();
    int lite =
        client(1, 0)
            .generate(request("t1", "stress", "gemini-2.5-flash-lite", prompt))
            .usage()
            .thinking();

    assertThat(flash).isBetween((int) (0.1 * input), (int) Math.ceil(0.5 * input));
    assertThat(lite).isZero();
  }

  @Test
  void aThinkingBudgetBoundsThinkingAndChangesNothingElse() {
    String prompt = "Summarize the last 100 production incidents. ".repeat(40);
    LlmRequest free = request("t2", "stress", "gemini-2.5-flash", prompt);
    var budgeted =
        new LlmRequest(
            "t2",
            "/stress",
            "stress",
            "gemini-2.5-flash",
            free.messages(),
            LlmRequest.GenerationOptions.DEFAULT.withThinkingBudget(50),
            null,
            null,
            null);

    LlmResponse unbounded = client(3, 0).generate(free);
    LlmResponse bounded = client(3, 0).generate(budgeted);

    assertThat(unbounded.usage().thinking()).isGreaterThan(50);
    assertThat(bounded.usage().thinking()).isEqualTo(50);
    assertThat(bounded.text()).isEqualTo(unbounded.text());
    assertThat(bounded.usage().output()).isEqualTo(unbounded.usage().output());
  }

  @Test
  void scaleZeroNeverSleepsButStillStreamsTheWholeText() {
    var deltas = new StringBuilder();
    LlmResponse r = client(5, 0).generate(reason("s").withStream(deltas::append));
    assertThat(slept).isEmpty();
    assertThat(deltas.toString()).isEqualTo(r.text());
  }

  @Test
  void latencyFollowsTheModelProfileScaled() {
    var profile = CATALOG.require("gemini-2.5-pro").latency();
    LlmRequest request = request("l", "reason", "gemini-2.5-pro", "Explain latency and retries.");
    var deltas = new ArrayList<String>();
    LlmResponse r = client(5, 1.0).generate(request.withStream(deltas::add));
    double totalMs = slept.stream().mapToLong(Duration::toNanos).sum() / 1e6;
    double tokensMs = profile.perOutputTokenMs() * r.usage().output();
    assertThat(slept.getFirst().toNanos() / 1e6)
        .isBetween(0.8 * profile.timeToFirstTokenMs(), 1.2 * profile.timeToFirstTokenMs());
    assertThat(totalMs)
        .isBetween(
            0.8 * profile.timeToFirstTokenMs(),
            1.2 * profile.timeToFirstTokenMs() + 1.5 * tokensMs);
    assertThat(deltas).hasSizeGreaterThan(1);

    slept.clear();
    client(5, 0.5).generate(request);
    double halfMs = slept.stream().mapToLong(Duration::toNanos).sum() / 1e6;
    assertThat(halfMs).isCloseTo(totalMs / 2, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void servesEveryCatalogModelAndRejectsOthers() {
    CATALOG
        .all()
        .forEach(
            m ->
                assertThat(client(1, 0).generate(request("m", "chat", m.name(), "hi")).model())
                    .isEqualTo(m.name()));
    assertThatThrownBy(() -> client(1, 0).generate(request("m", "chat", "gpt-99", "hi")))
        .isInstanceOfSatisfying(
            LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.INVALID_REQUEST));
  }

  @Test
  void respectsTheOutputTokenLimit() {
    LlmRequest base = reason("x");
    var limited =
        new LlmRequest(
            "x",
            "/reason",
            "reason",
            "gemini-2.5-flash",
            base.messages(),
            new LlmRequest.GenerationOptions(5, 0.7),
            null,
            null,
            null);
    LlmResponse r = client(1, 0).generate(limited);
    assertThat(r.usage().output()).isLessThanOrEqualTo(5);
    assertThat(r.finishReason()).isEqualTo("MAX_TOKENS");
  }

  private static LlmRequest reason(String id) {
    return request(
        id,
        "reason",
        "gemini-2.5-flash",
        "Why do latency spikes cause retries, and how should timeouts be tuned for latency?");
  }

  @Test
  void aPromptThatIsOneHugeWordGetsAnAnswerOfUsualSize() {
    String word = "a".repeat(900_000);

    LlmResponse r = client(42, 0).generate(request("p9", "chat", "gpt-4o-mini", word));

    // an echoed 900 KB "topic" made the answer megabytes long, and every step after it slow
    assertThat(r.text()).hasSizeLessThan(2_000).doesNotContain("aaaaaaaaaa");
    assertThat(r.usage().input()).isGreaterThan(100_000);
  }
}
