package dev.lrcp.llm.simulated;

import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.ModelSpec;
import dev.lrcp.llm.ModelSpec.LatencyProfile;
import dev.lrcp.llm.StreamListener;
import dev.lrcp.llm.TokenCounter;
import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Streams a text in small chunks over the time a model with the given profile would take: time to
 * first token (with ±20% seeded jitter), then the per-token time for each chunk, both scaled.
 */
final class SimulatedLatency {

  private static final Pattern CHUNK = Pattern.compile("(?<=\\s)(?=\\S)");
  private static final int WORDS_PER_CHUNK = 4;

  private final double scale;
  private final Sleeper sleeper;

  SimulatedLatency(double scale, Sleeper sleeper) {
    this.scale = scale;
    this.sleeper = sleeper;
  }

  void stream(String text, ModelSpec model, RandomGenerator random, StreamListener out) {
    LatencyProfile profile = model.latency();
    double jitter = 0.8 + 0.4 * random.nextDouble();
    pause(profile.timeToFirstTokenMs() * jitter, model.name());
    String[] words = CHUNK.split(text);
    for (int i = 0; i < words.length; i += WORDS_PER_CHUNK) {
      int end = Math.min(words.length, i + WORDS_PER_CHUNK);
      String chunk = String.join("", Arrays.copyOfRange(words, i, end));
      if (i > 0) {
        pause(profile.perOutputTokenMs() * TokenCounter.count(chunk), model.name());
      }
      out.onText(chunk);
    }
  }

  private void pause(double millis, String model) {
    long nanos = Math.round(millis * scale * 1_000_000);
    if (nanos <= 0) {
      return;
    }
    try {
      sleeper.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(
          LlmFailure.TIMEOUT, model, SimulatedClient.PROVIDER, "simulated call interrupted", e);
    }
  }
}
