package dev.lrcp.web;

import java.util.Optional;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/**
 * Explains why a request body could not be read, naming the JSON field when the parser knows it,
 * without echoing the (possibly huge or hostile) input back.
 */
final class UnreadableBody {

  private UnreadableBody() {}

  static String describe(HttpMessageNotReadableException e) {
    Optional<JacksonException> json = find(e, JacksonException.class);
    if (json.isEmpty()) {
      return "Request body is missing or unreadable";
    }
    return field(e)
        .map(f -> "Invalid request: " + f + " has the wrong type or format")
        .orElse("Request body is not valid JSON for this endpoint");
  }

  /** The JSON path of the offending value, e.g. {@code repetitions} or {@code items[2].name}. */
  static Optional<String> field(HttpMessageNotReadableException e) {
    return find(e, JacksonException.class)
        .map(JacksonException::getPath)
        .filter(path -> !path.isEmpty())
        .map(
            path -> {
              var out = new StringBuilder();
              for (JacksonException.Reference ref : path) {
                if (ref.getPropertyName() != null) {
                  out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                  out.append('[').append(ref.getIndex()).append(']');
                }
              }
              return out.toString();
            })
        .filter(path -> !path.isEmpty());
  }

  static boolean causedByTooLarge(Throwable e) {
    return find(e, RequestTooLargeException.class).isPresent();
  }

  static Optional<RequestBodyTimeoutException> bodyTimeout(Throwable e) {
    return find(e, RequestBodyTimeoutException.class);
  }

  private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
