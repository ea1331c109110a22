package dev.lrcp.web;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO HTTP/1.1 protocol plus a deadline for a complete request head. Tomcat only has a
 * read timeout, which every byte resets, so a client sending a byte a second holds a connection for
 * hours. Here a connection whose request has been in its head (request line and headers) for longer
 * than {@code lrcp.request-head-timeout} since its first byte is closed, the way Tomcat closes one
 * on a read timeout. An idle keep-alive connection is not in a head: its wait is Tomcat's
 * keep-alive timeout. Public with a no-argument constructor because Tomcat creates the protocol
 * from its class name.
 */
public class HeadDeadlineProtocol extends Http11NioProtocol {

  private volatile Duration headTimeout = Duration.ZERO;
  private ScheduledFuture<?> sweeper;

  /** Zero or negative turns the deadline off. */
  public void setHeadTimeout(Duration headTimeout) {
    this.headTimeout = headTimeout;
  }

  public Duration getHeadTimeout() {
    return headTimeout;
  }

  @Override
  public void start() throws Exception {
    super.start();
    if (headTimeout.isPositive()) {
      // A quarter of the deadline (at most a second) between sweeps: a late head is cut off at
      // most that much after its deadline, and an idle server wakes at most once a second.
      long period = Math.max(10, Math.min(1000, headTimeout.toMillis() / 4));
      sweeper =
          getUtilityExecutor()
              .scheduleWithFixedDelay(this::closeLateHeads, period, period, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() throws Exception {
    if (sweeper != null) {
      sweeper.cancel(false);
      sweeper = null;
    }
    super.stop();
  }

  private void closeLateHeads() {
    long now = System.nanoTime();
    long limit = headTimeout.toNanos();
    for (SocketWrapperBase<NioChannel> socket : getEndpoint().getConnections()) {
      if (socket.getCurrentProcessor() instanceof AbstractProcessor processor
          && late(processor, now, limit)) {
        socket.setError(new SocketTimeoutException("request head not complete in time"));
        if (!getEndpoint().processSocket(socket, SocketEvent.ERROR, true)) {
          socket.close();
        }
      }
    }
  }

  /**
   * A processor is parked on a connection (seen from outside, between two reads) only while it
   * waits for the rest of a request head, for an async request or for an upgraded protocol; a
   * request being served or an idle keep-alive connection has none. So a parked processor that is
   * neither async nor upgraded is reading a head, since its request's first byte. Its fields are
   * written by a worker thread without a lock: a stale read only moves the decision to a later
   * sweep, since the start of a head does not change while it is read.
   */
  static boolean late(AbstractProcessor processor, long nowNanos, long limitNanos) {
    if (processor.isAsync() || processor.isUpgrade()) {
      return false;
    }
    long start = processor.getRequest().getStartTimeNanos();
    return start != -1 && nowNanos - start > limitNanos;
  }
}
