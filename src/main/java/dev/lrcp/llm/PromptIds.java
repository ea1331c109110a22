package dev.lrcp.llm;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prompt ids: UUID version 7 (RFC 9562), a millisecond Unix timestamp then 74 random bits. Ids made
 * later sort later, so the call-record index on {@code prompt_id} grows at its right edge instead
 * of splitting pages all over the tree, and no call waits on {@code SecureRandom}. An id names a
 * call; it is no secret and grants nothing, so a non-cryptographic generator is enough.
 */
public final class PromptIds {

  private PromptIds() {}

  public static String next() {
    return next(System.currentTimeMillis(), ThreadLocalRandom.current()).toString();
  }

  static UUID next(long epochMillis, java.util.random.RandomGenerator random) {
    long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
