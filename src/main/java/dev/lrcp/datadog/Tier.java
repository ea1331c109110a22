package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who an alerting asset reaches, declared by its {@code tier:<name>} tag and checked against the
 * handles in its message: the paging policy of {@code datadog/README.md} as code.
 */
enum Tier {
  /** Pages the on-call engineer: production symptoms only (SLO burn, heartbeat, synthetics). */
  PAGE,
  /** Notifies the team channel: causes and early warnings. */
  CHANNEL,
  /** Opens a ticket: slow budget burn, to fix within working hours. */
  TICKET,
  /** Notifies nobody: one half of a composite (a rate or percentile, or a volume guard). */
  CONDITION;

  static final String TAG = "tier:";

  String tag() {
    return TAG + name().toLowerCase(Locale.ROOT);
  }

  static Optional<Tier> of(JsonNode tags) {
    return AssetLinter.stream(tags)
        .filter(t -> t.startsWith(TAG))
        .findFirst()
        .flatMap(t -> Arrays.stream(values()).filter(tier -> tier.tag().equals(t)).findFirst());
  }
}
