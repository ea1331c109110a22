package dev.lrcp.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmRequest.GenerationOptions;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import dev.lrcp.llm.ModelSpec.Capability;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The simulated models differ by their capability profiles in models.json, deterministically. */
class CapabilityTests {

  static final ModelCatalog CATALOG = ModelCatalog.load();
  static final String SENTENCES =
      """
      The Eiffel Tower was completed in 1889 for the World's Fair in Paris. \
      It is made of wrought iron and weighs about 7,300 tonnes. \
      Bananas are rich in potassium and grow in tropical climates. \
      The tower was designed by the engineering company of Gustave Eiffel. \
      Penguins cannot fly but are excellent swimmers. \
      The river Seine flows through Paris before it reaches the English Channel. \
      Wrought iron was chosen because it was light, strong and cheap at the time. """;

  /** About 200 words: long enough that document length counts against every model. */
  static final String LONG_DOC = SENTENCES.repeat(2);

  /** The same models with every figure of their profile replaced. */
  static ModelCatalog with(Function<ModelSpec, Capability> capability) {
    return new ModelCatalog(
        CATALOG.all().stream()
            .map(
                m ->
                    new ModelSpec(
                        m.name(),
                        m.provider(),
                        m.contextWindow(),
                        m.prices(),
                        m.latency(),
                        capability.apply(m),
                        m.thinking()))
            .toList(),
        "test");
  }

  static LlmRequest qa(String model, int i, boolean json) {
    String question =
        List.of("Who designed", "When was", "What metal is", "Which river flows past").get(i % 4)
            + " the tower in Paris, question "
            + i
            + " about its history and construction?";
    return new LlmRequest(
        "p-" + i,
        "/qa",
        "qa",
        model,
        List.of(Message.user("Q: " + question + "\nContext: " + LONG_DOC)),
        new GenerationOptions(2048, 0.7, json),
        null,
        null,
        null);
  }

  /** How many of 400 questions a model answers differently from a flawless one, same seed. */
  static long mistakes(String model, long seed) {
    var real = new SimulatedClient(CATALOG, seed, 0, d -> {});
    var flawless = new SimulatedClient(with(m -> Capability.FLAWLESS), seed, 0, d -> {});
    return IntStream.range(0, 400)
        .filter(
            i ->
                !real.generate(qa(model, i, false))
                    .text()
                    .equals(flawless.generate(qa(model, i, false)).text()))
        .count();
  }

  @Test
  void cheaperModelsErrMoreOftenOnTheSameQuestions() {
    long pro = mistakes("gemini-2.5-pro", 42);
    long flash = mistakes("gemini-2.5-flash", 42);
    long lite = mistakes("gemini-2.5-flash-lite", 42);

    assertThat(pro).isLessThan(flash);
    assertThat(flash).isLessThan(lite);
    // near the profile's chance: pro 0.01 * 1.5 + 0.002 * 5, lite 0.03 + 0.12 * 1.5 + 0.02 * 5
    assertThat(pro).isBetween(2L, 25L);
    assertThat(lite).isBetween(90L, 160L);
  }

  @Test
  void mistakesAreTheSameForTheSameSeedAndPromptWhateverThePromptId() {
    var client = new SimulatedClient(CATALOG, 7, 0, d -> {});
    var mistaken =
        IntStream.range(0, 200).mapToObj(i -> qa("gemini-2.5-flash-lite", i, false)).toList();

    assertThat(mistakes("gemini-2.5-flash-lite", 7))
        .isEqualTo(mistakes("gemini-2.5-flash-lite", 7));
    assertThat(mistakes("gemini-2.5-flash-lite", 8))
        .isNotEqualTo(mistakes("gemini-2.5-flash-lite", 7));
    for (LlmRequest r : mistaken.subList(0, 20)) {
      var renamed =
          new LlmRequest(
              r.promptId() + "-again",
              r.endpoint(),
              r.requestType(),
              r.model(),
              r.messages(),
              r.options(),
              null,
              null,
              null);
      boolean refusedFirst = client.generate(r).text().equals(ExtractiveAnswerer.NOT_IN_DOCUMENT);
      boolean refusedAgain =
          client.generate(renamed).text().equals(ExtractiveAnswerer.NOT_IN_DOCUMENT);
      assertThat(refusedAgain).isEqualTo(refusedFirst);
    }
  }

  @Test
  void aMistakeIsAnOffTopicSentenceAnUnsupportedStatementOrARefusal() {
    var always = new SimulatedClient(with(m -> new Capability(0.9, 0, 0, 0)), 42, 0, d -> {});
    var texts =
        IntStream.range(0, 60)
            .mapToObj(i -> always.generate(qa("gemini-2.5-pro", i, false)).text())
            .toList();

    assertThat(texts).contains(ExtractiveAnswerer.NOT_IN_DOCUMENT);
    assertThat(texts).anyMatch(t -> t.contains("Bananas") || t.contains("Penguins"));
    assertThat(texts).anyMatch(t -> !LONG_DOC.contains(t.split("(?<=\\.) ")[0]));
  }

  @Test
  void theChanceGrowsWithDocumentLengthAndQuestionWordsAndIsCapped() {
    var flash = CATALOG.require("gemini-2.5-flash").capability();

    assertThat(flash.mistakeChance(3, 50)).isZero();
    assertThat(flash.mistakeChance(3, 150))
        .isEqualTo(0.06, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(flash.mistakeChance(8, 150))
        .isEqualTo(0.11, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(flash.mistakeChance(1000, 100_000)).isEqualTo(Capability.MAX_CHANCE);
  }

  @Test
  void anAnswerAskedForAsJsonIsJsonUnlessTheProfileBreaksIt() {
    var json = JsonMapper.builder().build();
    var valid = new SimulatedClient(with(m -> Capability.FLAWLESS), 42, 0, d -> {});
    var broken = new SimulatedClient(with(m -> new Capability(0, 0, 0, 1)), 42, 0, d -> {});

    String text = valid.generate(qa("gemini-2.5-flash", 0, true)).text();
    assertThat(json.readTree(text).path("answer").asString()).contains("Gustave Eiffel");
    String cut = broken.generate(qa("gemini-2.5-flash", 0, true)).text();
    assertThat(cut).startsWith("{\"answer\": \"").doesNotEndWith("}");
  }
}
