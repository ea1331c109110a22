package dev.lrcp.incident;

/** An external incident system; the outbox calls it off the request path and retries failures. */
interface IncidentSink {

  String name();

  boolean configured();

  /**
   * Creates the incident remotely when {@code externalId} is null, else updates it to the
   * incident's current state.
   *
   * @return the external id (e.g. {@code incident:abc} or {@code event:123})
   * @throws SinkException when delivery failed and should be retried
   */
  String deliver(Incident incident, String externalId);

  /** A failed delivery; the message is safe to log (no keys). */
  final class SinkException extends RuntimeException {
    SinkException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
