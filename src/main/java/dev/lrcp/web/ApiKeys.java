package dev.lrcp.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, held only as SHA-256 digests. Matching compares fixed-length digests
 * with {@link MessageDigest#isEqual} against every key, so timing reveals neither which key nor how
 * much of one matched.
 */
final class ApiKeys {

  private final List<byte[]> digests;

  ApiKeys(List<String> keys) {
    this.digests = keys.stream().map(ApiKeys::sha256).toList();
  }

  boolean enabled() {
    return !digests.isEmpty();
  }

  int count() {
    return digests.size();
  }

  /** The matching key's fingerprint (first 12 hex digits of its SHA-256), if any key matches. */
  Optional<String> match(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    return match(sha256(presented));
  }

  /** The same, for a key already hashed (the access policy hashes a presented key once). */
  Optional<String> match(byte[] candidate) {
    byte[] found = null;
    for (byte[] digest : digests) {
      if (MessageDigest.isEqual(digest, candidate)) {
        found = digest;
      }
    }
    return Optional.ofNullable(found).map(d -> HexFormat.of().formatHex(d, 0, 6));
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
