package dev.lrcp.gateway;

import java.util.concurrent.CancellationException;

/**
 * Where one chat call's answer goes, whatever the transport (servlet or the Netty data plane). Used
 * from the call's own thread, once: either one {@link #send} or a run of {@link #event}s closed by
 * {@link #end}.
 */
interface ChatReply {

  /** The call's prompt id, sent as {@code X-Request-Id}; before {@link #send} or any event. */
  void requestId(String promptId);

  /**
   * A response header the flow's stages set (quotas, cache); before {@link #send} or any event, and
   * kept for an error response too.
   */
  void header(String name, String value);

  /** A whole JSON response (the answer or an error); only before any event. */
  void send(int status, byte[] json);

  /**
   * One server-sent event, {@code data: <payload>}, flushed at once; the first one commits a 200
   * {@code text/event-stream} response.
   *
   * @throws CancellationException when the client has gone
   */
  void event(byte[] payload);

  /** Ends the event stream. */
  void end();
}
