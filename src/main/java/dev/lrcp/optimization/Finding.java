package dev.lrcp.optimization;

import java.util.Map;

/**
 * One recommendation a builder computed from call records.
 *
 * @param model the model the finding is about, or null for the whole endpoint
 * @param savingsPerRequest USD saved per call of the scope over the analysed window
 * @param savingsPercentage share of the scope's spend, 0..100
 * @param confidence 0..1, from the data (see {@link Scope#finding})
 * @param evidence the figures behind it, for people
 * @param control what implementing it applies, or null
 */
record Finding(
    Kind kind,
    String endpoint,
    String model,
    String title,
    String description,
    Estimate monthly,
    double savingsPerRequest,
    double savingsPercentage,
    double confidence,
    Map<String, Object> evidence,
    Control control) {

  /** Identifies the same finding across refreshes. */
  String fingerprint() {
    return kind.tag() + "|" + endpoint + "|" + (model == null ? "" : model);
  }
}
