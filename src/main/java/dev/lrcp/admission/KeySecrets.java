package dev.lrcp.admission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Key material: {@code sk-lrcp-<id>-<secret>}, where the id (public, 12 characters) finds the
 * stored key and the secret (32 random bytes) is checked against its salted SHA-256. A fast hash is
 * right here: the secret has 256 bits of entropy, so there is nothing for a slow hash to protect,
 * and it runs on every call.
 */
final class KeySecrets {

  static final String PREFIX = "sk-lrcp-";
  private static final int ID_LENGTH = 12;
  private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private final SecureRandom random;

  KeySecrets(SecureRandom random) {
    this.random = random;
  }

  /** A new secret for key {@code id}: the key to show once, and what to store. */
  record Issued(String key, String salt, String hash) {}

  /** A presented key, split. */
  record Presented(String id, String secret) {}

  String newId() {
    var id = new StringBuilder(ID_LENGTH);
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  Issued issue(String id) {
    byte[] secret = new byte[32];
    byte[] salt = new byte[16];
    random.nextBytes(secret);
    random.nextBytes(salt);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String saltText = HexFormat.of().formatHex(salt);
    return new Issued(PREFIX + id + "-" + secretText, saltText, hash(saltText, secretText));
  }

  static boolean looksVirtual(String presented) {
    return presented != null && presented.startsWith(PREFIX);
  }

  static Optional<Presented> parse(String presented) {
    int idEnd = PREFIX.length() + ID_LENGTH;
    if (!looksVirtual(presented)
        || presented.length() <= idEnd + 1
        || presented.charAt(idEnd) != '-') {
      return Optional.empty();
    }
    return Optional.of(
        new Presented(presented.substring(PREFIX.length(), idEnd), presented.substring(idEnd + 1)));
  }

  /** Constant-time comparison of the presented secret with the stored hash. */
  static boolean matches(VirtualKey key, String secret) {
    byte[] expected = HexFormat.of().parseHex(key.secretHash());
    byte[] actual = HexFormat.of().parseHex(hash(key.salt(), secret));
    return MessageDigest.isEqual(expected, actual);
  }

  static String hash(String salt, String secret) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
