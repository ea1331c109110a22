package dev.lrcp.security;

import java.util.Set;

/**
 * What the scan of one request's input found.
 *
 * @param injectionSource {@code prompt} or {@code document} when flagged, else null
 * @param blockReason why the block policy refused the request, or null when not blocked
 */
public record SecurityVerdict(
    double injectionScore,
    boolean injectionFlag,
    String injectionSource,
    Set<String> piiTypes,
    boolean tokenAbuse,
    String blockReason) {

  public SecurityVerdict {
    piiTypes = Set.copyOf(piiTypes);
  }

  public boolean blocked() {
    return blockReason != null;
  }
}
