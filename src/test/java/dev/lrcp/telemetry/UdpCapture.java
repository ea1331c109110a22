package dev.lrcp.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A loopback UDP socket standing in for the DogStatsD agent. */
final class UdpCapture implements AutoCloseable {

  private final DatagramSocket socket;
  private final List<StatsdLine> received = new ArrayList<>();

  UdpCapture() {
    try {
      socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
      socket.setSoTimeout(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Everything that arrives until nothing more comes for 200 ms. */
  List<StatsdLine> drain() {
    while (receiveOnce()) {
      // keep reading
    }
    return List.copyOf(received);
  }

  /** Reads until {@code done} holds for the lines so far, or the deadline passes. */
  List<StatsdLine> until(Predicate<List<StatsdLine>> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.test(received) && Instant.now().isBefore(deadline)) {
      receiveOnce();
    }
    return List.copyOf(received);
  }

  void clear() {
    drain();
    received.clear();
  }

  private boolean receiveOnce() {
    byte[] buffer = new byte[65_536];
    var packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        received.add(StatsdLine.parse(line));
      }
    }
    return true;
  }

  @Override
  public void close() {
    socket.close();
  }
}
