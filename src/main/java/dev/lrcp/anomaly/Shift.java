package dev.lrcp.anomaly;

import java.time.Instant;

/**
 * An upward shift of a measure in a time-ordered series of calls.
 *
 * @param at when the first call after the shift finished
 * @param before calls with a value for the measure before the shift
 * @param after calls with a value for the measure since the shift
 * @param significance 1 − p of the shift (the search over every split accounted for)
 */
public record Shift(
    Instant at,
    int before,
    int after,
    double valueBefore,
    double valueAfter,
    double significance) {}
