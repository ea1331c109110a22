package dev.lrcp.gateway;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops the data plane in the phase of the servlet server's graceful shutdown, so both listeners
 * stop accepting at the same moment and drain side by side. The data plane itself starts in an
 * earlier phase than the servlet server, which a single lifecycle could not do as well.
 */
@Component
class DataPlaneShutdown implements SmartLifecycle {

  private final DataPlaneServer server;
  private volatile boolean running;

  DataPlaneShutdown(DataPlaneServer server) {
    this.server = server;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop(Runnable done) {
    running = false;
    server.stop(done);
  }

  @Override
  public void stop() {
    running = false;
    server.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE;
  }
}
