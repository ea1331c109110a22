package dev.lrcp.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A request whose body stream fails with {@link RequestTooLargeException} past the limit, and with
 * {@link RequestBodyTimeoutException} when bytes still arrive after the body's deadline: the
 * container's read timeout is reset by every byte, so a client sending one a second would hold the
 * request for as long as its body lasts. The 408 or 413 answer closes the connection.
 */
final class LimitedRequest extends HttpServletRequestWrapper {

  private final long limit;
  private final BodyDeadline deadline;
  private ServletInputStream stream;

  LimitedRequest(HttpServletRequest request, long limit, BodyDeadline deadline) {
    super(request);
    this.limit = limit;
    this.deadline = deadline;
  }

  /**
   * When the body must be complete: {@code timeout} after {@code startNanos} on {@code clock}.
   *
   * @param clock {@link System#nanoTime} in production; tests move it by hand
   */
  record BodyDeadline(long startNanos, Duration timeout, LongSupplier clock) {

    static BodyDeadline from(Duration timeout) {
      return new BodyDeadline(System.nanoTime(), timeout, System::nanoTime);
    }

    void check() {
      if (clock.getAsLong() - startNanos > timeout.toNanos()) {
        throw new RequestBodyTimeoutException(timeout);
      }
    }
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      stream = new Counting(super.getInputStream(), limit, deadline);
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    String encoding = getCharacterEncoding();
    Charset charset;
    try {
      charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      // as the container does: a checked I/O error (a 4xx), not a runtime failure (a 500)
      throw new UnsupportedEncodingException(encoding);
    }
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final BodyDeadline deadline;
    private long read;

    Counting(ServletInputStream in, long limit, BodyDeadline deadline) {
      this.in = in;
      this.limit = limit;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new RequestTooLargeException(limit);
      }
      deadline.check();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
