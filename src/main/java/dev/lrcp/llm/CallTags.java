package dev.lrcp.llm;

/**
 * Low-cardinality labels of a call, for metrics and storage. {@code client} identifies the caller
 * (API key fingerprint or address) for per-client accounting and is never a metric tag.
 */
public record CallTags(String application, String feature, String client) {

  public static final CallTags NONE = new CallTags(null, null, "anonymous");
}
