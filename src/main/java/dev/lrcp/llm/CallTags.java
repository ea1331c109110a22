package dev.lrcp.llm;

/**
 * Who is calling and the low-cardinality labels of the call, for admission, metrics and storage.
 * {@code client} identifies the caller (API key fingerprint, virtual key or address) for per-client
 * accounting and is never a metric tag; {@code key} is the virtual key's id when the caller used
 * one (its budgets, limits and cache namespace), else null.
 */
public record CallTags(String application, String feature, String client, String key) {

  public static final CallTags NONE = new CallTags(null, null, "anonymous", null);

  /** A caller without a virtual key. */
  public CallTags(String application, String feature, String client) {
    this(application, feature, client, null);
  }
}
