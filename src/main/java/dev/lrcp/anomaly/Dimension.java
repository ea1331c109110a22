package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import java.util.function.Function;

/** A way to slice calls; each call has exactly one value per dimension. */
public enum Dimension {
  MODEL("model", CallRecord::model),
  PROVIDER("provider", CallRecord::provider),
  ENDPOINT("endpoint", CallRecord::endpoint),
  APPLICATION("application", r -> r.labels().application()),
  PROMPT_SIZE("prompt_size", r -> promptSize(r.numbers().inputTokens())),
  ERROR_TYPE("error_type", r -> r.failure() == null ? "none" : r.failure().tag()),
  /**
   * {@code injected} for drills ({@code simulate_*} toggles, {@code /stress}), else {@code
   * organic}.
   */
  TRAFFIC("traffic", r -> r.labels().traffic());

  private final String key;
  private final Function<CallRecord, String> value;

  Dimension(String key, Function<CallRecord, String> value) {
    this.key = key;
    this.value = value;
  }

  public String key() {
    return key;
  }

  public String valueOf(CallRecord record) {
    String v = value.apply(record);
    return v == null ? "unknown" : v;
  }

  /** Buckets of input tokens: {@code <1k}, {@code 1k-10k}, {@code >10k}. */
  static String promptSize(int inputTokens) {
    return inputTokens < 1_000 ? "<1k" : inputTokens <= 10_000 ? "1k-10k" : ">10k";
  }
}
