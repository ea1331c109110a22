package dev.lrcp.llm.simulated;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import dev.lrcp.llm.TokenCounter;
import dev.lrcp.llm.TokenUsage;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The embedded default provider. Answers offline and deterministically: the same seed and prompt id
 * give the same text and latency whatever else runs concurrently. It serves every catalog model,
 * with that model's latency profile, and counts tokens with a real BPE tokenizer.
 */
public final class SimulatedClient implements LlmClient {

  public static final String PROVIDER = "simulated";

  static final double LEAST_THINKING = 0.1;
  static final double MOST_THINKING = 0.5;

  private final ModelCatalog catalog;
  private final long seed;
  private final SimulatedLatency latency;
  private final Mistakes mistakes;

  public SimulatedClient(ModelCatalog catalog, long seed, double latencyScale) {
    this(catalog, seed, latencyScale, Sleeper.REAL);
  }

  SimulatedClient(ModelCatalog catalog, long seed, double latencyScale, Sleeper sleeper) {
    this.catalog = catalog;
    this.seed = seed;
    this.latency = new SimulatedLatency(latencyScale, sleeper);
    this.mistakes = new Mistakes(seed);
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    ModelSpec spec =
        catalog
            .find(request.model())
            .orElseThrow(
                () ->
                    new LlmException(
                        LlmFailure.INVALID_REQUEST,
                        request.model(),
                        PROVIDER,
                        "model not in the catalog: " + request.model()));
    RandomGenerator random = randomFor(request.promptId());
    String text = answer(request, spec, random);
    String finish = "STOP";
    int max = request.options().maxOutputTokens();
    if (TokenCounter.count(text) > max) {
      text = TokenCounter.truncate(text, max);
      finish = "MAX_TOKENS";
    }
    latency.stream(text, spec, random, request.stream());
    int input = TokenCounter.count(request.promptText());
    int thinking = thinking(spec, request.options().thinkingBudget(), input, random);
    var usage = new TokenUsage(input, TokenCounter.count(text), thinking);
    return LlmResponse.of(text, spec.name(), PROVIDER, usage, finish);
  }

  /**
   * Dynamic thinking, illustrative: a model that thinks by default spends {@value #LEAST_THINKING}
   * to {@value #MOST_THINKING} of its prompt's length on it, within the request's budget. Drawn
   * last, so answers and latency are the same with any budget: thinking changes only the bill.
   */
  static int thinking(ModelSpec spec, Integer budget, int inputTokens, RandomGenerator random) {
    if (spec.thinking() == null) {
      return 0;
    }
    double share = LEAST_THINKING + (MOST_THINKING - LEAST_THINKING) * random.nextDouble();
    int dynamic = Math.min((int) Math.round(share * inputTokens), spec.thinking().maxBudget());
    return budget == null ? dynamic : Math.min(dynamic, budget);
  }

  /** The model's answer, with the mistake its capability profile makes on this prompt, if any. */
  private String answer(LlmRequest request, ModelSpec spec, RandomGenerator random) {
    String prompt = lastUserMessage(request);
    var qa =
        "qa".equals(request.requestType()) ? QaPrompt.parse(prompt) : Optional.<QaPrompt>empty();
    String question = qa.map(QaPrompt::question).orElse(prompt);
    String document = qa.map(QaPrompt::document).orElse(null);
    var asked = Mistakes.Question.of(prompt, question, document);
    Mistakes.Kind mistake = mistakes.draw(spec.capability(), spec.name(), asked);
    String text =
        document != null
            ? grounded(question, document, mistake, random)
            : mistake == Mistakes.Kind.REFUSAL
                ? Mistakes.REFUSAL_WITHOUT_DOCUMENT
                : TextGenerator.generate(
                    question, qa.isPresent() ? "qa" : request.requestType(), random);
    if (request.options().json()) {
      return JsonAnswer.of(text, mistakes.breaksJson(spec.capability(), spec.name(), asked));
    }
    return text;
  }

  private static String grounded(
      String question, String document, Mistakes.Kind mistake, RandomGenerator random) {
    if (mistake == null) {
      return ExtractiveAnswerer.answer(question, document, random);
    }
    return switch (mistake) {
      case OFF_TOPIC -> ExtractiveAnswerer.offTopic(question, document, random);
      case UNSUPPORTED -> TextGenerator.generate(question, "qa", random);
      case REFUSAL -> ExtractiveAnswerer.NOT_IN_DOCUMENT;
    };
  }

  private static String lastUserMessage(LlmRequest request) {
    var messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Message.Role.USER) {
        return messages.get(i).content();
      }
    }
    return request.promptText();
  }

  /** A generator per request, so results do not depend on the order of concurrent calls. */
  private RandomGenerator randomFor(String promptId) {
    long hash = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode mixing
    for (int i = 0; i < promptId.length(); i++) {
      hash = (hash ^ promptId.charAt(i)) * 0x100000001b3L;
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ hash);
  }
}
