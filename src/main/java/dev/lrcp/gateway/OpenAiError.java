package dev.lrcp.gateway;

/** The OpenAI error body: {@code {"error": {"message", "type", "code", "param"}}}. */
record OpenAiError(Body error) {

  static OpenAiError of(String message, String type, String code, String param) {
    return new OpenAiError(new Body(message, type, code, param));
  }

  record Body(String message, String type, String code, String param) {}
}
