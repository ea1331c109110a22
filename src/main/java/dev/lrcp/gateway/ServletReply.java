package dev.lrcp.gateway;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;

/** A {@link ChatReply} on the servlet response; a failed write means the client has gone. */
final class ServletReply implements ChatReply {

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpServletResponse response;
  private ServletOutputStream events;

  ServletReply(HttpServletResponse response) {
    this.response = response;
  }

  @Override
  public void requestId(String promptId) {
    response.setHeader(GatewayProperties.REQUEST_ID_HEADER, promptId);
  }

  @Override
  public void header(String name, String value) {
    response.setHeader(name, value);
  }

  @Override
  public void send(int status, byte[] json) {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(json.length);
    try {
      response.getOutputStream().write(json);
    } catch (IOException e) {
      // the client has gone: nobody is left to read the answer, which was still recorded
    }
  }

  @Override
  public void event(byte[] payload) {
    try {
      ServletOutputStream out = events();
      out.write(DATA);
      out.write(payload);
      out.write(END);
      out.flush();
    } catch (IOException e) {
      var gone = new CancellationException("client disconnected");
      gone.initCause(e);
      throw gone;
    }
  }

  @Override
  public void end() {
    // the container completes the response when the handler returns
  }

  private ServletOutputStream events() throws IOException {
    if (events == null) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(GatewayProperties.EVENT_STREAM);
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no");
      events = response.getOutputStream();
    }
    return events;
  }
}
