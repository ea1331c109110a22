package dev.lrcp.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A server-sent events reader over the JDK client, as a browser's EventSource parses them. */
final class SseClient implements AutoCloseable {

  record Event(String id, String type, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<InputStream> response;
  private final Thread reader;
  private volatile String lastEventId;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  static SseClient open(HttpClient http, URI uri, String apiKey, String lastEventId)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IllegalStateException("stream answered " + response.statusCode());
    }
    return new SseClient(response);
  }

  HttpResponse<InputStream> response() {
    return response;
  }

  /** The id the client would send on reconnect. */
  String lastEventId() {
    return lastEventId;
  }

  /** The next event of {@code type} (skipping others), or fails after {@code timeout}. */
  Event next(String type, Duration timeout) throws InterruptedException {
    return next(e -> e.type().equals(type), timeout);
  }

  Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Event e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && wanted.test(e)) {
        return e;
      }
    }
    throw new AssertionError("no matching event within " + timeout);
  }

  /** Every event up to and including the next one of {@code type}, in the order received. */
  List<Event> until(String type, Duration timeout) throws InterruptedException {
    var seen = new ArrayList<Event>();
    next(
        e -> {
          seen.add(e);
          return e.type().equals(type);
        },
        timeout);
    return seen;
  }

  private void read() {
    try (var lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String type = "message";
      var data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            if (id != null) {
              lastEventId = id;
            }
            events.add(new Event(id, type, data.toString()));
          }
          id = null;
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (IOException e) {
      // closed by the test
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
    reader.interrupt();
  }
}
