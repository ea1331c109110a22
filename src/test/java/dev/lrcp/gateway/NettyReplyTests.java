package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When a reply counts as written. A graceful stop closes the event loops once no call is in flight,
 * discarding whatever is still queued for the socket, so a call is done when its last bytes are
 * written, not when its thread returns.
 */
class NettyReplyTests {

  /** Holds every write, as a socket whose client is not reading yet. */
  static final class SlowSocket extends ChannelOutboundHandlerAdapter {
    final List<ChannelPromise> pending = new ArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      ReferenceCountUtil.release(msg);
      pending.add(promise);
    }

    void drain() {
      pending.forEach(ChannelPromise::setSuccess);
      pending.clear();
    }
  }

  final SlowSocket socket = new SlowSocket();
  final EmbeddedChannel channel = new EmbeddedChannel(socket);
  final AtomicInteger responsesDone = new AtomicInteger();
  final NettyReply reply =
      new NettyReply(channel, HttpVersion.HTTP_1_1, true, responsesDone::incrementAndGet);

  @Test
  void aStreamIsDoneOnlyOnceItsLastBytesAreWritten() {
    var written = new AtomicInteger();
    reply.event("{\"choices\":[]}".getBytes(StandardCharsets.UTF_8));
    reply.event("[DONE]".getBytes(StandardCharsets.UTF_8));
    reply.finish(new byte[0]);

    reply.afterLastWrite(written::incrementAndGet);
    assertThat(written).as("bytes still queued for the socket").hasValue(0);
    assertThat(socket.pending).isNotEmpty();

    socket.drain();
    assertThat(written).hasValue(1);
    assertThat(responsesDone).as("the connection's next request may go").hasValue(1);
  }

  @Test
  void aWholeAnswerIsDoneOnceWritten() {
    var written = new AtomicInteger();
    reply.send(200, "{}".getBytes(StandardCharsets.UTF_8));

    reply.afterLastWrite(written::incrementAndGet);
    assertThat(written).hasValue(0);

    socket.drain();
    assertThat(written).hasValue(1);
  }

  @Test
  void aReplyThatWroteNothingIsDoneAtOnce() {
    var written = new AtomicInteger();
    reply.afterLastWrite(written::incrementAndGet);
    assertThat(written).hasValue(1);
  }
}
