package dev.lrcp.gateway;

import dev.lrcp.web.AccessPolicy;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's data plane: {@code /v1/chat/completions} and {@code /v1/models} on their own port
 * ({@code lrcp.gateway.port}, 8081 by default), served by Netty with one virtual thread per call.
 * The main port serves the same endpoints through the servlet stack; this one skips that stack's
 * per-request filter chain, dispatch and buffering, which is most of a gateway's own overhead. Same
 * access policy (API keys, loopback-only without them), same body limit, same signals.
 *
 * <p>Listens before the servlet server opens its port, so a probe of {@code /health} never finds
 * the service up while this port is not listening yet. Shuts down with the servlet server, the way
 * Boot shuts that one down ({@code server.shutdown}; {@link DataPlaneShutdown}): when graceful,
 * both stop accepting at once (the port closes, and a new request on an open connection gets a
 * 503), calls in flight get up to {@code spring.lifecycle.timeout-per-shutdown-phase} to finish,
 * then the event loops stop.
 */
@Component
class DataPlaneServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DataPlaneServer.class);

  private final GatewayProperties properties;
  private final AccessPolicy access;
  private final DataPlaneRoutes routes;
  private final DataPlaneDrain drain;
  private final Duration drainTimeout;
  private MultiThreadIoEventLoopGroup loops;
  private volatile Channel server;

  @Autowired
  DataPlaneServer(
      ChatGateway gateway,
      ChatTranslator translator,
      GatewayProperties properties,
      CallerTags callerTags,
      AccessPolicy access,
      JsonMapper json,
      ObjectProvider<ServerProperties> server,
      ObjectProvider<LifecycleProperties> lifecycle) {
    this(
        gateway, translator, properties, callerTags, access, json, drainTimeout(server, lifecycle));
  }

  /**
   * @param drainTimeout how long calls in flight may run on at shutdown; zero stops at once
   */
  DataPlaneServer(
      ChatGateway gateway,
      ChatTranslator translator,
      GatewayProperties properties,
      CallerTags callerTags,
      AccessPolicy access,
      JsonMapper json,
      Duration drainTimeout) {
    this.properties = properties;
    this.access = access;
    this.drainTimeout = drainTimeout;
    this.drain = new DataPlaneDrain(json);
    ExecutorService calls =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-", 0).factory());
    this.routes = new DataPlaneRoutes(gateway, translator, callerTags, access, json, calls);
  }

  /** Boot's own settings for the servlet server's shutdown, so both listeners behave alike. */
  private static Duration drainTimeout(
      ObjectProvider<ServerProperties> server, ObjectProvider<LifecycleProperties> lifecycle) {
    Shutdown shutdown = server.getIfAvailable(ServerProperties::new).getShutdown();
    if (shutdown != Shutdown.GRACEFUL) {
      return Duration.ZERO;
    }
    return lifecycle.getIfAvailable(LifecycleProperties::new).getTimeoutPerShutdownPhase();
  }

  @Override
  public void start() {
    if (!properties.dataPlaneEnabled()) {
      log.info("Gateway data plane off (lrcp.gateway.port=-1); /v1 is served on the main port");
      return;
    }
    drain.refuse(false);
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    loops =
        new MultiThreadIoEventLoopGroup(
            properties.ioThreads() > 0
                ? properties.ioThreads()
                : Runtime.getRuntime().availableProcessors(),
            new DefaultThreadFactory("gateway-io", true),
            io);
    var bootstrap =
        new ServerBootstrap()
            .group(loops)
            .channel(channel)
            .option(ChannelOption.SO_BACKLOG, 8192)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(32 * 1024, 64 * 1024))
            .childHandler(new Initializer());
    InetSocketAddress address =
        properties.address().isEmpty()
            ? new InetSocketAddress(properties.port())
            : new InetSocketAddress(properties.address(), properties.port());
    try {
      server = bootstrap.bind(address).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "The gateway data plane cannot listen on "
              + address
              + " (set LRCP_GATEWAY_PORT to a free port, or -1 to turn it off): "
              + e.getMessage(),
          e);
    }
    log.info(
        "Gateway data plane (OpenAI-compatible /v1) listening on {} ({}, {} I/O threads)",
        server.localAddress(),
        epoll ? "epoll" : "nio",
        loops.executorCount());
  }

  /** Stops accepting at once; calls in flight finish on another thread, then {@code done} runs. */
  @Override
  public void stop(Runnable done) {
    if (!refuseNewCalls()) {
      done.run();
      return;
    }
    Thread.ofPlatform()
        .name("gateway-drain")
        .start(
            () -> {
              try {
                finishCallsAndStop();
              } finally {
                done.run();
              }
            });
  }

  @Override
  public void stop() {
    if (refuseNewCalls()) {
      finishCallsAndStop();
    }
  }

  /** Closes the port and turns new requests on open connections away; false when not running. */
  private boolean refuseNewCalls() {
    Channel listening = server;
    if (listening == null || !listening.isOpen()) {
      return false;
    }
    drain.refuse(true);
    listening.close().syncUninterruptibly();
    return true;
  }

  private void finishCallsAndStop() {
    Instant deadline = Instant.now().plus(drainTimeout);
    while (routes.inFlight() > 0 && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // polling a counter, at shutdown only
    }
    if (routes.inFlight() > 0) {
      log.warn("gateway data plane stopped with {} calls still in flight", routes.inFlight());
    }
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    server = null;
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** Just before the servlet server starts (and, had it not stopped already, after it stops). */
  @Override
  public int getPhase() {
    return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
  }

  /** The port the data plane listens on, or -1 when it is off. */
  int port() {
    return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
  }

  private final class Initializer extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
      var head = new HeadDeadline(access.requestHeadTimeout());
      ch.pipeline()
          .addLast(
              new IdleStateHandler(
                  0, 0, properties.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
              head.bytes(),
              new HttpServerCodec(
                  new HttpDecoderConfig().setMaxInitialLineLength(8192).setMaxHeaderSize(16384)),
              head.heads(),
              new BoundedAggregator(access),
              drain,
              new DataPlaneHandler(routes));
    }
  }

  /** Whole bodies up to the service's request limit; above it the same 413 the main port sends. */
  private static final class BoundedAggregator extends HttpObjectAggregator {
    private final AccessPolicy access;

    BoundedAggregator(AccessPolicy access) {
      super((int) Math.min(Integer.MAX_VALUE, access.maxRequestBytes()), true);
      this.access = access;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      String path = oversized instanceof HttpRequest request ? request.uri() : "";
      var response = NettyReply.problem(oversized.protocolVersion(), access.tooLarge(path));
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      // Half-close: the client may still be sending the body, and closing now would reset the
      // connection and lose the 413. The aggregator discards the rest; the client then hangs up.
      ctx.writeAndFlush(response)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess() && f.channel() instanceof DuplexChannel duplex) {
                      duplex.shutdownOutput();
                    } else {
                      f.channel().close();
                    }
                  });
    }
  }
}
