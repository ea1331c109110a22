package dev.lrcp.security;

import java.time.Instant;
import java.util.Set;

/**
 * The input of a call (prompt and any document) was scanned. Published once per scanned request,
 * before the model is called.
 *
 * @param injectionScore 0..1, the highest of prompt and document
 * @param injectionSource {@code prompt} or {@code document} when flagged, else null
 * @param piiTypes e.g. {@code email}, {@code phone}, {@code card}, {@code api_key}
 * @param blocked true when the block policy refused the request
 */
public record PromptScanned(
    Instant at,
    String promptId,
    String endpoint,
    double injectionScore,
    boolean injectionFlag,
    String injectionSource,
    Set<String> piiTypes,
    boolean tokenAbuse,
    boolean blocked) {

  public PromptScanned {
    piiTypes = Set.copyOf(piiTypes);
  }
}
