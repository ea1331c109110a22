package dev.lrcp.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses new requests once the data plane shuts down: the listening port is closed by then, but a
 * keep-alive connection can still send one. It gets a 503 in the OpenAI shape and the connection
 * closes, while calls already accepted run to their end. Shared by every connection.
 */
@Sharable
final class DataPlaneDrain extends ChannelInboundHandlerAdapter {

  private final byte[] unavailable;
  private volatile boolean draining;

  DataPlaneDrain(JsonMapper json) {
    this.unavailable =
        json.writeValueAsBytes(
            OpenAiError.of(
                "The gateway is shutting down; send the request again",
                "api_error",
                "shutting_down",
                null));
  }

  /** On at shutdown; off again when the server starts. */
  void refuse(boolean on) {
    draining = on;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!draining || !(msg instanceof HttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    var response =
        new DefaultFullHttpResponse(
            request.protocolVersion(),
            HttpResponseStatus.SERVICE_UNAVAILABLE,
            Unpooled.wrappedBuffer(unavailable));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, unavailable.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ReferenceCountUtil.release(msg);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
