package dev.lrcp.gateway;

import dev.lrcp.web.AccessPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ChatReply} on a Netty channel, written from the call's virtual thread (Netty hands each
 * write to the channel's event loop). Backpressure: an event waits while the channel's outbound
 * buffer is above its high-water mark, so a slow reader slows the upstream read instead of
 * buffering the stream in memory; once the client has gone the next event throws {@link
 * CancellationException}, which closes the upstream call.
 */
final class NettyReply implements ChatReply {

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private final Channel channel;
  private final HttpVersion version;
  private final Runnable done;
  private String promptId;
  private java.util.List<String> extraHeaders;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writable = lock.newCondition();
  private volatile boolean gone;
  private volatile ChannelFuture lastWrite;
  private boolean keepAlive;
  private boolean streaming;
  private boolean finished;

  /**
   * @param done runs on the event loop once the last byte of the response is written (or the client
   *     has gone)
   */
  NettyReply(Channel channel, HttpVersion version, boolean keepAlive, Runnable done) {
    this.channel = channel;
    this.version = version;
    this.keepAlive = keepAlive;
    this.done = done;
  }

  @Override
  public void requestId(String promptId) {
    this.promptId = promptId;
  }

  @Override
  public void header(String name, String value) {
    if (extraHeaders == null) {
      extraHeaders = new java.util.ArrayList<>(16);
    }
    extraHeaders.add(name);
    extraHeaders.add(value);
  }

  @Override
  public void send(int status, byte[] json) {
    finished = true;
    var response =
        new DefaultFullHttpResponse(
            version, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(json));
    HttpHeaders headers = response.headers();
    headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
    common(headers);
    last(channel.writeAndFlush(response));
  }

  /** An access refusal, in the service-wide problem+json shape the main port uses too. */
  void refuse(AccessPolicy.Refused refused) {
    finished = true;
    FullHttpResponse response = problem(version, refused);
    common(response.headers());
    last(channel.writeAndFlush(response));
  }

  static FullHttpResponse problem(HttpVersion version, AccessPolicy.Refused refused) {
    var response =
        new DefaultFullHttpResponse(
            version,
            HttpResponseStatus.valueOf(refused.status()),
            Unpooled.wrappedBuffer(refused.problem()));
    HttpHeaders headers = response.headers();
    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, refused.problem().length);
    if (refused.wwwAuthenticate() != null) {
      headers.set(HttpHeaderNames.WWW_AUTHENTICATE, refused.wwwAuthenticate());
    }
    return response;
  }

  @Override
  public void event(byte[] payload) {
    if (!streaming) {
      streaming = true;
      var head = new DefaultHttpResponse(version, HttpResponseStatus.OK);
      HttpHeaders headers = head.headers();
      headers.set(HttpHeaderNames.CONTENT_TYPE, GatewayProperties.EVENT_STREAM);
      headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
      headers.set("X-Accel-Buffering", "no");
      if (version.equals(HttpVersion.HTTP_1_0)) {
        keepAlive = false; // no chunked encoding in HTTP/1.0: the stream ends with the connection
      } else {
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
      common(headers);
      channel.write(head, channel.voidPromise());
    }
    awaitWritable();
    ByteBuf frame = Unpooled.wrappedBuffer(DATA, payload, END);
    channel.writeAndFlush(new DefaultHttpContent(frame)).addListener(this::noteFailure);
  }

  @Override
  public void end() {
    if (streaming && !finished) {
      finished = true;
      last(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }
  }

  /**
   * Called once the call's thread is done: a call that sent nothing gets the internal error (a
   * defect, already logged by the caller); an unfinished stream is ended.
   */
  void finish(byte[] internalError) {
    if (finished) {
      return;
    }
    if (streaming) {
      end();
    } else {
      send(500, internalError);
    }
  }

  /** From the event loop: the connection closed, or its writability changed. */
  void channelChanged() {
    if (!channel.isActive()) {
      gone = true;
    }
    lock.lock();
    try {
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void common(HttpHeaders headers) {
    if (promptId != null) {
      headers.set(GatewayProperties.REQUEST_ID_HEADER, promptId);
    }
    if (extraHeaders != null) {
      for (int i = 0; i < extraHeaders.size(); i += 2) {
        headers.set(extraHeaders.get(i), extraHeaders.get(i + 1));
      }
    }
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (version.equals(HttpVersion.HTTP_1_0)) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
  }

  private void awaitWritable() {
    if (gone) {
      throw new CancellationException("client disconnected");
    }
    if (channel.isWritable()) {
      return;
    }
    lock.lock();
    try {
      while (!gone && !channel.isWritable()) {
        // the timeout only guards against a missed signal; the signal is the normal wake-up
        writable.await(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      gone = true;
    } finally {
      lock.unlock();
    }
    if (gone) {
      throw new CancellationException("client disconnected");
    }
  }

  /**
   * Runs {@code action} once the response's last bytes have left for the socket (at once if nothing
   * was written): a graceful stop waits for this, not for the call's thread, since closing the
   * event loops discards what is still queued.
   */
  void afterLastWrite(Runnable action) {
    ChannelFuture written = lastWrite;
    if (written == null) {
      action.run();
    } else {
      written.addListener(f -> action.run());
    }
  }

  private void last(ChannelFuture written) {
    lastWrite = written;
    written.addListener(
        (ChannelFutureListener)
            f -> {
              noteFailure(f);
              if (!keepAlive || !f.isSuccess()) {
                f.channel().close();
              }
              done.run();
            });
  }

  private void noteFailure(Future<? super Void> f) {
    if (!f.isSuccess()) {
      gone = true;
    }
  }
}
