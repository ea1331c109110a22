package dev.lrcp.gateway;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Smaller per-connection socket buffers. A gateway holds thousands of slow streams open at once,
 * and Tomcat keeps an 8 KB read and an 8 KB write buffer per connection for its whole life; SSE
 * events and chat requests are a few hundred bytes, so 4 KB each loses nothing (larger writes are
 * simply flushed in more rounds) and saves 8 KB of heap per open stream.
 */
@Component
class StreamBufferTuning implements TomcatConnectorCustomizer {

  static final int SOCKET_BUFFER_BYTES = 4096;

  @Override
  public void customize(Connector connector) {
    connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
    connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
  }
}
