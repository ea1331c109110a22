package dev.lrcp.optimization;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The problems this API answers with; the web module renders them as problem+json. */
final class Problems {

  private Problems() {}

  static ResponseStatusException notFound(String id) {
    return problem(HttpStatus.NOT_FOUND, "Recommendation " + id + " not found");
  }

  static ResponseStatusException badRequest(String detail) {
    return problem(HttpStatus.BAD_REQUEST, detail);
  }

  static ResponseStatusException unprocessable(String detail) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }

  /** A body's {@code recommendation_id} (the original required one) must be the path's id. */
  static void requireSameId(String bodyId, String pathId) {
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw unprocessable("recommendation_id: '" + bodyId + "' differs from the path's " + pathId);
    }
  }

  private static ResponseStatusException problem(HttpStatus status, String detail) {
    var e = new ResponseStatusException(status, detail);
    e.setDetail(detail);
    return e;
  }
}
