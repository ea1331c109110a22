package dev.lrcp.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One data-plane connection's deadline for a complete request head (request line and headers): the
 * idle timeout alone is reset by every byte, so a client sending a byte a second would hold the
 * connection forever. The clock starts at the first byte of a request and stops when the codec has
 * decoded its head; a late head closes the connection. Two handlers share the state: {@link
 * #bytes()} before the HTTP codec sees the first byte, {@link #heads()} after it sees the head and
 * the end of each request. An idle keep-alive connection is not in a head and is left to the idle
 * timeout. Runs on the connection's event loop only.
 */
final class HeadDeadline {

  private final long timeoutNanos;
  private boolean betweenRequests = true;
  private ScheduledFuture<?> timer;

  HeadDeadline(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /** Goes before the codec: starts the clock on the first byte after the previous request. */
  ChannelInboundHandler bytes() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (betweenRequests && timer == null && msg instanceof ByteBuf buf && buf.isReadable()) {
          timer = ctx.executor().schedule(() -> ctx.close(), timeoutNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
      }
    };
  }

  /** Goes right after the codec: a decoded head stops the clock, a request's end rearms it. */
  ChannelInboundHandler heads() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
          betweenRequests = false;
          stop();
        }
        if (msg instanceof LastHttpContent) {
          betweenRequests = true;
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  private void stop() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
