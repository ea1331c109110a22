package dev.lrcp.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a servlet filter, where no message converter runs; the shape matches what
 * the controller advice produces. Not a bean, so test slices that pick up the filters need nothing
 * else from this package.
 */
final class ProblemWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  static void write(HttpServletResponse response, ProblemKind kind, String detail, String instance)
      throws IOException {
    write(response, kind.status(), bytes(kind, detail, instance));
  }

  static void write(HttpServletResponse response, AccessPolicy.Refused refused) throws IOException {
    if (refused.wwwAuthenticate() != null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refused.wwwAuthenticate());
    }
    write(response, refused.status(), refused.problem());
  }

  /** The problem+json body, for transports other than the servlet one. */
  static byte[] bytes(ProblemKind kind, String detail, String instance) {
    return bytes(kind, kind.status(), detail, instance);
  }

  /** The same with the status the response really has (one the container chose). */
  static byte[] bytes(ProblemKind kind, int status, String detail, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", kind.type().toString());
    body.put("title", kind.title());
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", instance);
    return JSON.writeValueAsBytes(body);
  }

  private static void write(HttpServletResponse response, int status, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(body);
  }
}
