package dev.lrcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Hand-written HTTP on a raw socket, for what no HTTP client sends: malformed and slow requests.
 */
public final class RawHttp {

  private RawHttp() {}

  /**
   * Sends {@code request} as is and returns everything the server sends until it closes the
   * connection (or {@code wait} passes without a byte).
   */
  public static String exchange(int port, String request, Duration wait) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) wait.toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      var out = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(out);
      } catch (SocketTimeoutException | java.net.SocketException stoppedSending) {
        // what arrived so far is the answer
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** One response with a {@code Content-Length} body, read from a connection that stays open. */
  public static String readResponse(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    var length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text);
    return text
        + (length.find()
            ? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8)
            : "");
  }

  /**
   * Starts a request and then sends its headers one byte at a time, far faster than any idle
   * timeout, until the server closes the connection; true when it did so before {@code deadline}.
   * Between two bytes the socket is polled for the close for a short while.
   */
  public static boolean closedWhileSendingHeadersSlowly(int port, Duration deadline)
      throws IOException {
    return closedWhileSendingSlowly(
        port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", deadline);
  }

  /** The same after a complete head announcing a large body, the body sent a byte at a time. */
  public static boolean closedWhileSendingBodySlowly(int port, String path, Duration deadline)
      throws IOException {
    return closedWhileSendingSlowly(
        port,
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\n\r\n{\"x\":\"",
        deadline);
  }

  /**
   * What a server answers while a request body arrives a byte at a time: the status (0 when none
   * came before {@code deadline}), and whether it then closed the connection instead of reading the
   * rest of the announced body (within what is left of {@code deadline}, the client going on
   * sending a byte at a time).
   */
  public record SlowBodyAnswer(int status, boolean closed) {}

  public static SlowBodyAnswer answerWhileSendingBodySlowly(
      int port, String path, Duration deadline) throws IOException {
    Instant end = Instant.now().plus(deadline);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1000\r\n\r\n{\"question\":\"")
              .getBytes(StandardCharsets.ISO_8859_1));
      while (Instant.now().isBefore(end)) {
        try {
          out.write('a');
          out.flush();
          int b = in.read();
          if (b < 0) {
            return new SlowBodyAnswer(0, true);
          }
          String statusLine = (char) b + new String(in.readNBytes(11), StandardCharsets.ISO_8859_1);
          return new SlowBodyAnswer(
              Integer.parseInt(statusLine.substring(9, 12)), closedBefore(socket, end));
        } catch (SocketTimeoutException noAnswerYet) {
          // send the next byte
        }
      }
      return new SlowBodyAnswer(0, false);
    }
  }

  /**
   * Goes on sending the body a byte at a time, reading whatever else the server sends; true when it
   * closes the connection before {@code end}.
   */
  private static boolean closedBefore(Socket socket, Instant end) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    byte[] buffer = new byte[4096];
    while (Instant.now().isBefore(end)) {
      try {
        if (in.read(buffer) < 0) {
          return true;
        }
      } catch (SocketTimeoutException stillOpen) {
        try {
          out.write('a');
          out.flush();
        } catch (IOException resetOrBrokenPipe) {
          return true;
        }
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }

  private static boolean closedWhileSendingSlowly(int port, String prefix, Duration deadline)
      throws IOException {
    Instant end = Instant.now().plus(deadline);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(prefix.getBytes(StandardCharsets.ISO_8859_1));
      while (Instant.now().isBefore(end)) {
        try {
          out.write('a');
          out.flush();
          if (in.read() < 0) {
            return true;
          }
        } catch (SocketTimeoutException stillOpen) {
          // no answer yet: send the next byte
        } catch (IOException resetOrBrokenPipe) {
          return true;
        }
      }
      return false;
    }
  }
}
