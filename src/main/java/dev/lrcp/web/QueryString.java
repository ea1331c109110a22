package dev.lrcp.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks a raw query string the way the container will decode it ({@code application/x-www-form-
 * urlencoded}, UTF-8), so a malformed one can be refused naming the parameter.
 */
final class QueryString {

  /** Longest parameter name echoed back; a hostile name could be any length. */
  static final int MAX_NAME_CHARS = 100;

  private QueryString() {}

  /**
   * The name of the first parameter whose name or value is not valid percent-encoded UTF-8 (as
   * sent, when the name itself is the malformed part), or empty when every one decodes.
   */
  static Optional<String> firstMalformed(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      Optional<String> name = decode(rawName);
      if (name.isEmpty() || (eq >= 0 && decode(pair.substring(eq + 1)).isEmpty())) {
        String shown = name.orElse(rawName);
        return Optional.of(
            shown.length() > MAX_NAME_CHARS ? shown.substring(0, MAX_NAME_CHARS) : shown);
      }
    }
    return Optional.empty();
  }

  /** The decoded text, or empty for a broken {@code %} escape or bytes that are not UTF-8. */
  static Optional<String> decode(String encoded) {
    var bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
        if (lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
