package dev.lrcp.web;

import java.io.IOException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Rejects a disallowed cross-origin request with a problem body instead of plain text. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

  @Override
  protected void rejectRequest(ServerHttpResponse response) throws IOException {
    if (response instanceof ServletServerHttpResponse servlet) {
      ProblemWriter.write(
          servlet.getServletResponse(),
          ProblemKind.FORBIDDEN,
          "Origin not allowed; see LRCP_CORS_ALLOWED_ORIGINS",
          null);
      return;
    }
    super.rejectRequest(response);
  }
}
