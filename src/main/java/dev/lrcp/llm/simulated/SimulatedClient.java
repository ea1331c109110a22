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
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The embedded default provider. Answers offline and deterministically: the same seed and prompt id
 * give the same text and latency whatever else runs concurrently. It serves every catalog model,
 * with that model's latency profile, and counts tokens with a real BPE tokenizer.
 */
public final class SimulatedClient implements LlmClient {

  public static final String PROVIDER = "simulated";

  private final ModelCatalog catalog;
  private final long seed;
  private final SimulatedLatency latency;

  public SimulatedClient(ModelCatalog catalog, long seed, double latencyScale) {
    this(catalog, seed, latencyScale, Sleeper.REAL);
  }

  SimulatedClient(ModelCatalog catalog, long seed, double latencyScale, Sleeper sleeper) {
    this.catalog = catalog;
    this.seed = seed;
    this.latency = new SimulatedLatency(latencyScale, sleeper);
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
    String text = answer(request, random);
    String finish = "STOP";
    int max = request.options().maxOutputTokens();
    if (TokenCounter.count(text) > max) {
      text = TokenCounter.truncate(text, max);
      finish = "MAX_TOKENS";
    }
    latency.stream(text, spec, random, request.stream());
    var usage =
        new TokenUsage(TokenCounter.count(request.promptText()), TokenCounter.count(text), 0);
    return LlmResponse.of(text, spec.name(), PROVIDER, usage, finish);
  }

  private static String answer(LlmRequest request, RandomGenerator random) {
    String prompt = lastUserMessage(request);
    if ("qa".equals(request.requestType())) {
      var qa = QaPrompt.parse(prompt);
      if (qa.isPresent() && qa.get().document() != null) {
        return ExtractiveAnswerer.answer(qa.get().question(), qa.get().document(), random);
      }
      if (qa.isPresent()) {
        return TextGenerator.generate(qa.get().question(), "qa", random);
      }
    }
    return TextGenerator.generate(prompt, request.requestType(), random);
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
