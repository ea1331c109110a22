package dev.lrcp.flow;

/**
 * The order of the flow's stages, outermost first: each stage wraps every stage after it, and the
 * model call ({@link ModelCall}) is innermost. The flow then records the call, published once.
 *
 * <pre>
 * ADMIT → ROUTE → LIMIT → SCAN → CACHE → SCORE → VERIFY → TRACE → call the model port → record
 * </pre>
 *
 * SCORE wraps VERIFY so that the answer that is finally returned is the one scored; TRACE wraps
 * each model call, so an escalated call has one span per model it tried.
 */
public enum Stage {
  /** Who is calling and whether they may (keys, budgets, rate limits). */
  ADMIT,
  /** Which model answers. */
  ROUTE,
  /** Limits the service sets on the call itself, such as an endpoint's output-token cap. */
  LIMIT,
  /** The input's security scan; the block policy refuses here. */
  SCAN,
  /** Answers already given to the same request. */
  CACHE,
  /** The answer's quality, now or in the background. */
  SCORE,
  /** Checks a cheap answer and escalates to a stronger model when it fails. */
  VERIFY,
  /** Spans and the call's log line around each model call. */
  TRACE
}
