package dev.lrcp.gateway;

import dev.lrcp.gateway.DataPlaneRoutes.Call;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data-plane connection: requests are answered one at a time, in order (a pipelining client's
 * next request waits its turn), the connection closes after an idle spell with nothing in flight,
 * and a hang-up or a change in writability reaches the call's {@link NettyReply}. Runs on the
 * connection's event loop only.
 */
final class DataPlaneHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(DataPlaneHandler.class);

  private final DataPlaneRoutes routes;
  private final ArrayDeque<Call> waiting = new ArrayDeque<>(2);
  private ChannelHandlerContext ctx;
  private String remoteAddress;
  private String localAddress;
  private NettyReply current;

  DataPlaneHandler(DataPlaneRoutes routes) {
    this.routes = routes;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    this.remoteAddress = host(ctx.channel().remoteAddress());
    this.localAddress = host(ctx.channel().localAddress());
    super.channelActive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean decoded = request.decoderResult().isSuccess();
    String uri = request.uri();
    int query = uri.indexOf('?');
    var call =
        new Call(
            request.method(),
            query < 0 ? uri : uri.substring(0, query),
            request.protocolVersion(),
            decoded && HttpUtil.isKeepAlive(request),
            request.headers(),
            decoded ? ByteBufUtil.getBytes(request.content()) : null,
            remoteAddress,
            localAddress);
    if (current == null) {
      start(call);
    } else {
      waiting.add(call);
    }
  }

  private void start(Call call) {
    current = new NettyReply(ctx.channel(), call.version(), call.keepAlive(), this::next);
    if (call.body() == null) {
      routes.malformed(current);
    } else if (call.version().majorVersion() != 1) {
      routes.unsupportedVersion(current, call.version());
    } else {
      routes.serve(call, current);
    }
  }

  /** The current response is fully written: the next pipelined request, if any, goes. */
  private void next() {
    current = null;
    Call call = waiting.poll();
    if (call != null && ctx.channel().isActive()) {
      start(call);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (current != null) {
      current.channelChanged();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    waiting.clear();
    if (current != null) {
      current.channelChanged();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent && current == null) {
      ctx.close(); // an idle keep-alive connection; a slow call in flight keeps it open
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) {
      log.warn("data plane connection from {} failed", remoteAddress, cause);
    }
    ctx.close(); // a reset or broken pipe is a client that left: nothing to report
  }

  private static String host(SocketAddress address) {
    return address instanceof InetSocketAddress inet
        ? inet.getAddress().getHostAddress()
        : String.valueOf(address);
  }
}
