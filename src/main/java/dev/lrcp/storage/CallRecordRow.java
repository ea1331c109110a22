package dev.lrcp.storage;

import dev.lrcp.flow.CallRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** How one call record binds to the parameters of a row of {@link CallRecordStatements#COLUMNS}. */
final class CallRecordRow {

  static final int PARAMETERS = 41;

  private CallRecordRow() {}

  /** Binds {@code rows} one after another, {@value #PARAMETERS} parameters each. */
  static void bind(PreparedStatement ps, List<CallRecord> rows) throws SQLException {
    for (int i = 0; i < rows.size(); i++) {
      bind(ps, i * PARAMETERS, rows.get(i));
    }
  }

  private static void bind(PreparedStatement ps, int at, CallRecord r) throws SQLException {
    var l = r.labels();
    var n = r.numbers();
    ps.setString(at + 1, r.promptId());
    ps.setLong(at + 2, r.at().toEpochMilli());
    setString(ps, at + 3, l.endpoint());
    setString(ps, at + 4, l.requestType());
    setString(ps, at + 5, l.requestedModel());
    setString(ps, at + 6, l.model());
    setString(ps, at + 7, l.provider());
    setString(ps, at + 8, r.outcome().tag());
    setString(ps, at + 9, r.failure() == null ? null : r.failure().tag());
    ps.setLong(at + 10, n.latencyMs());
    ps.setLong(at + 11, n.ttftMs());
    ps.setInt(at + 12, n.inputTokens());
    ps.setInt(at + 13, n.outputTokens());
    ps.setInt(at + 14, n.thinkingTokens());
    ps.setDouble(at + 15, n.costUsd());
    ps.setInt(at + 16, n.retryCount());
    ps.setBoolean(at + 17, n.fallbackUsed());
    setString(ps, at + 18, r.traceId());
    setString(ps, at + 19, l.application());
    setString(ps, at + 20, l.feature());
    bindQualityAndSecurity(ps, at, r);
    ps.setBoolean(at + 28, l.injected());
    setString(ps, at + 33, r.cache() == null ? null : r.cache().result());
    setDouble(ps, at + 34, r.cache() == null ? null : r.cache().savedUsd());
    setString(ps, at + 41, l.key());
    bindRouting(ps, at, r.routing());
  }

  private static void bindRouting(PreparedStatement ps, int at, CallRecord.Routing routing)
      throws SQLException {
    boolean none = routing == null;
    setString(ps, at + 29, none ? null : routing.policy());
    setString(ps, at + 30, none ? null : routing.reason());
    setString(ps, at + 35, none ? null : String.join(",", routing.candidates()));
    setString(ps, at + 36, none ? null : routing.referenceModel());
    setString(ps, at + 37, none ? null : routing.chosenModel());
    setString(ps, at + 38, none ? null : routing.escalation());
    setDouble(ps, at + 39, none ? null : routing.savingsUsd());
    setString(ps, at + 40, none ? null : routing.overrideId());
  }

  private static void bindQualityAndSecurity(PreparedStatement ps, int at, CallRecord r)
      throws SQLException {
    var q = r.quality();
    setDouble(ps, at + 21, q == null ? null : q.semanticSimilarity());
    setDouble(ps, at + 22, q == null ? null : q.groundingScore());
    setBoolean(ps, at + 23, q == null ? null : q.ungrounded());
    setString(ps, at + 31, q == null ? null : q.unscored());
    var s = r.security();
    setDouble(ps, at + 24, s == null ? null : s.injectionScore());
    setBoolean(ps, at + 25, s == null ? null : s.injectionFlag());
    setString(ps, at + 26, s == null ? null : String.join(",", s.piiTypes()));
    setBoolean(ps, at + 27, s == null ? null : s.tokenAbuse());
    setString(ps, at + 32, s == null ? null : s.injectionSource());
  }

  private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static void setBoolean(PreparedStatement ps, int i, Boolean v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BOOLEAN);
    } else {
      ps.setBoolean(i, v);
    }
  }
}
