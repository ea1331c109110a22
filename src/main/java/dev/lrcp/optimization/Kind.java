package dev.lrcp.optimization;

import java.util.Locale;

/** What a generated recommendation proposes; its tag is the recommendation's category. */
enum Kind {
  CHEAPER_MODEL,
  CACHING,
  PROMPT_TRIMMING,
  OUTPUT_CAP,
  RETRY_WASTE,
  THINKING_BUDGET;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
