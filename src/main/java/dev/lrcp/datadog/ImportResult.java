package dev.lrcp.datadog;

/** What happened to one asset; {@code remoteId} is null and {@code detail} says why on failure. */
record ImportResult(Asset asset, Action action, String remoteId, String detail) {

  enum Action {
    CREATED,
    UPDATED,
    FAILED
  }
}
