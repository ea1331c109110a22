package dev.lrcp.security;

import dev.lrcp.llm.TokenCounter;
import java.time.Clock;
import java.time.Duration;
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

  /**
   * The window is kept as this many time slots with a running sum, so recording a use is O(1)
   * amortised however many calls a client makes (one loopback client at 1,000 req/s used to make
   * every call sum a deque of 60,000 entries). A use leaves the sum between window − window/60 and
   * window after it was made.
   */
  static final int SLOTS = 60;

  private final Clock clock;
  private final int maxRequestTokens;
  private final long maxClientTokens;
  private final long slotMillis;
  private final int slots;
  private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

  TokenAbuseDetector(Clock clock, int maxRequestTokens, long maxClientTokens, Duration window) {
    this.clock = clock;
    this.maxRequestTokens = maxRequestTokens;
    this.maxClientTokens = maxClientTokens;
    long windowMillis = Math.max(1, window.toMillis());
    this.slots = (int) Math.min(SLOTS, windowMillis);
    this.slotMillis = windowMillis / slots;
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
    long slot = Math.floorDiv(clock.millis(), slotMillis);
    return budgets.computeIfAbsent(client, c -> new Budget(slots)).add(slot, tokens)
        > maxClientTokens;
  }

  /** One client's tokens per time slot in a ring, with their running sum. */
  private static final class Budget {
    private final long[] tokens;
    private long sum;
    private long lastSlot = Long.MIN_VALUE;

    Budget(int slots) {
      this.tokens = new long[slots];
    }

    synchronized long add(long slot, long used) {
      advance(slot);
      tokens[Math.floorMod(slot, tokens.length)] += used;
      sum += used;
      return sum;
    }

    /** Empties the slots that fell out of the window since the last use: at most one pass. */
    private void advance(long slot) {
      if (lastSlot == Long.MIN_VALUE || slot - lastSlot >= tokens.length) {
        java.util.Arrays.fill(tokens, 0);
        sum = 0;
      } else {
        for (long s = lastSlot + 1; s <= slot; s++) {
          int i = Math.floorMod(s, tokens.length);
          sum -= tokens[i];
          tokens[i] = 0;
        }
      }
      lastSlot = Math.max(lastSlot, slot);
    }

    synchronized boolean idleSince(long oldestLiveSlot) {
      return lastSlot < oldestLiveSlot;
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
    long oldestLive = Math.floorDiv(clock.millis(), slotMillis) - slots + 1;
    budgets.values().removeIf(b -> b.idleSince(oldestLive));
  }
}
