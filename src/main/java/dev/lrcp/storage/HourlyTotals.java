package dev.lrcp.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Requests, tokens and spend per hour of one slice of traffic, for forecasts: the hourly rollups
 * for settled hours, and the call records themselves for the last {@link #FRESH} hours, which
 * maintenance may not have rolled up to their end yet.
 */
@Repository
public class HourlyTotals {

  /** Hours before the end of a read that come from the call records rather than the rollups. */
  static final Duration FRESH = Duration.ofHours(2);

  private static final long HOUR_MS = 3_600_000L;

  private final JdbcTemplate jdbc;

  public HourlyTotals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Which calls: each non-null field must match ({@code unknown} for calls without an endpoint or
   * model); all null is the whole service.
   *
   * @param key a virtual key's id
   */
  public record Slice(String endpoint, String model, String application, String key) {

    public static final Slice SERVICE = new Slice(null, null, null, null);
  }

  /** One hour's totals; {@code tokens} counts input, output and thinking tokens. */
  public record Hour(Instant start, long requests, long tokens, double costUsd) {}

  /** The hours in [from, to) that had calls, oldest first; both bounds are taken to the hour. */
  public List<Hour> between(Slice slice, Instant from, Instant to) {
    long start = floor(from);
    long end = floor(to);
    long fresh = Math.max(start, end - FRESH.toMillis());
    var hours = new TreeMap<Long, Hour>();
    if (start < fresh) {
      read(rollups(slice), slice, start, fresh)
          .forEach(h -> hours.merge(ms(h), h, HourlyTotals::sum));
    }
    if (fresh < end) {
      read(records(slice), slice, fresh, end)
          .forEach(h -> hours.merge(ms(h), h, HourlyTotals::sum));
    }
    return new ArrayList<>(hours.values());
  }

  private List<Hour> read(String select, Slice slice, long from, long to) {
    var args = new ArrayList<Object>(List.of(from, to));
    args.addAll(Where.args(slice));
    return jdbc.query(
        select,
        (rs, n) ->
            new Hour(
                Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getDouble(4)),
        args.toArray());
  }

  private static String rollups(Slice slice) {
    var where = new Where(slice, "endpoint", "model", "application", "key_id");
    return "SELECT hour_ms, SUM(requests), SUM(input_tokens + output_tokens + thinking_tokens),"
        + " SUM(cost_usd) FROM call_rollup_hourly WHERE hour_ms >= ? AND hour_ms < ?"
        + where.sql(" AND ")
        + " GROUP BY hour_ms ORDER BY hour_ms";
  }

  private static String records(Slice slice) {
    var where =
        new Where(
            slice,
            StorageMaintenance.ENDPOINT,
            StorageMaintenance.MODEL,
            StorageMaintenance.APPLICATION,
            StorageMaintenance.KEY);
    String hour = StorageMaintenance.HOUR;
    return "SELECT "
        + hour
        + ", COUNT(*), SUM(input_tokens + output_tokens + thinking_tokens), SUM(cost_usd)"
        + " FROM call_record WHERE at_ms >= ? AND at_ms < ? AND outcome <> 'blocked'"
        + where.sql(" AND ")
        + " GROUP BY "
        + hour
        + " ORDER BY "
        + hour;
  }

  /** The slice's conditions over the given column expressions, and their arguments. */
  private record Where(Slice slice, String endpoint, String model, String application, String key) {

    String sql(String lead) {
      var parts = new ArrayList<String>();
      add(parts, slice.endpoint(), endpoint);
      add(parts, slice.model(), model);
      add(parts, slice.application(), application);
      add(parts, slice.key(), key);
      return parts.isEmpty() ? "" : lead + String.join(" AND ", parts);
    }

    static List<Object> args(Slice slice) {
      var args = new ArrayList<Object>();
      for (String v :
          new String[] {slice.endpoint(), slice.model(), slice.application(), slice.key()}) {
        if (v != null) {
          args.add(v);
        }
      }
      return args;
    }

    private static void add(List<String> parts, String value, String column) {
      if (value != null) {
        parts.add(column + " = ?");
      }
    }
  }

  private static long floor(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), HOUR_MS) * HOUR_MS;
  }

  private static long ms(Hour h) {
    return h.start().toEpochMilli();
  }

  private static Hour sum(Hour a, Hour b) {
    return new Hour(
        a.start(), a.requests() + b.requests(), a.tokens() + b.tokens(), a.costUsd() + b.costUsd());
  }
}
