package dev.lrcp.web;

import dev.lrcp.llm.Faults;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The public {@code simulate_*} query toggles. Accepts the spellings the original (FastAPI) did;
 * anything else is a 400 naming the parameter rather than a silent false.
 */
final class Toggles {

  static final String LATENCY = "simulate_latency";
  static final String RETRY = "simulate_retry";
  static final String BAD_PROMPT = "simulate_bad_prompt";
  static final String LONG_CONTEXT = "simulate_long_context";
  static final String ACCEPTED = "true, false, 1, 0, yes, no, on, off";

  private Toggles() {}

  static Faults from(HttpServletRequest request) {
    return new Faults(
        flag(request, LATENCY),
        flag(request, RETRY),
        flag(request, BAD_PROMPT),
        flag(request, LONG_CONTEXT));
  }

  static boolean flag(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new InvalidToggleException(name);
    };
  }
}
