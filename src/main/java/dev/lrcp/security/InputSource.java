package dev.lrcp.security;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where scanned text came from: the user's prompt, or a retrieved document (indirect injection).
 */
enum InputSource {
  @JsonProperty("prompt")
  PROMPT,
  @JsonProperty("document")
  DOCUMENT;

  String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
