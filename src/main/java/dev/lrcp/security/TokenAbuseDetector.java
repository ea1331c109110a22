package dev.lrcp.security;

import dev.lrcp.llm.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;

/**
 * Denial-of-wallet checks: one request over the token ceiling, a long prompt that is mostly
 * repetition, or one client sending more tokens than allowed within a sliding window.
 */
final class TokenAbuseDetector {

  /** Repetitive text compresses far better than prose (≈ 0.35–0.5 for English). */
  static final double REPETITION_RATIO = 0.12;

  static final int REPETITION_MIN_TOKENS = 1_000;

  private final Clock clock;
  private final int maxRequestTokens;
  private final long maxClientTokens;
  private final Duration window;
  private final Map<String, Deque<Use>> uses = new ConcurrentHashMap<>();

  private record Use(Instant at, long tokens) {}

  TokenAbuseDetector(Clock clock, int maxRequestTokens, long maxClientTokens, Duration window) {
    this.clock = clock;
    this.maxRequestTokens = maxRequestTokens;
    this.maxClientTokens = maxClientTokens;
    this.window = window;
  }

  /** Checks one request and, when a client is named, records its tokens in that client's window. */
  boolean abusive(String text, String client) {
    int tokens = estimateTokens(text);
    boolean request =
        tokens > maxRequestTokens
            || (tokens >= REPETITION_MIN_TOKENS && compressionRatio(text) < REPETITION_RATIO);
    return (client != null && overClientBudget(client, tokens)) || request;
  }

  /** Checks one text without recording it (for offline scans). */
  boolean abusive(String text) {
    return abusive(text, null);
  }

  private boolean overClientBudget(String client, int tokens) {
    Instant now = clock.instant();
    Deque<Use> q = uses.computeIfAbsent(client, c -> new ArrayDeque<>());
    synchronized (q) {
      q.addLast(new Use(now, tokens));
      Instant horizon = now.minus(window);
      while (!q.isEmpty() && !q.peekFirst().at().isAfter(horizon)) {
        q.removeFirst();
      }
      long total = q.stream().mapToLong(Use::tokens).sum();
      return total > maxClientTokens;
    }
  }

  /**
   * Tokens by the o200k_base encoding: exact for current OpenAI models and close for Gemini, whose
   * tokenizer cannot be loaded offline. Good enough for ceilings, which are generous.
   */
  static int estimateTokens(String text) {
    return TokenCounter.count(text);
  }

  static double compressionRatio(String text) {
    byte[] in = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(in);
      deflater.finish();
      byte[] buf = new byte[in.length + 64];
      int n = deflater.deflate(buf);
      return in.length == 0 ? 1 : n / (double) in.length;
    } finally {
      deflater.end();
    }
  }

  /** Forgets clients with no use inside the window (called periodically by the scanner). */
  void evictIdle() {
    Instant horizon = clock.instant().minus(window);
    uses.entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                Use last = e.getValue().peekLast();
                return last == null || !last.at().isAfter(horizon);
              }
            });
  }
}
