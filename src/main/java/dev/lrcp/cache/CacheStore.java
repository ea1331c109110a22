package dev.lrcp.cache;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.TokenUsage;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Cached answers in the database ({@code response_cache}), shared by every replica. */
@Repository
class CacheStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS =
      "namespace, key_hash, context_hash, question, embedding, answer, cost_nusd, replica,"
          + " created_at_ms, expires_at_ms";

  private final JdbcTemplate jdbc;

  CacheStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored form of an answer. */
  record Stored(
      String text,
      String model,
      String provider,
      int input,
      int output,
      int thinking,
      String finish,
      Double similarity,
      Double grounding,
      Boolean ungrounded) {}

  Optional<CachedAnswer> find(String namespace, String keyHash, long nowMs) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM response_cache WHERE namespace = ? AND key_hash = ? AND expires_at_ms > ?",
            CacheStore::answer,
            namespace,
            keyHash,
            nowMs)
        .stream()
        .findFirst();
  }

  /** Answers other replicas stored since {@code sinceMs} that carry an embedding. */
  List<CachedAnswer> embeddedSince(long sinceMs, String replica, long nowMs, int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM response_cache WHERE created_at_ms > ? AND replica <> ? AND expires_at_ms > ?"
            + " AND embedding IS NOT NULL ORDER BY created_at_ms LIMIT ?",
        CacheStore::answer,
        sinceMs,
        replica,
        nowMs,
        limit);
  }

  /** The stored message is only read by the near-miss guard; longer ones are cut. */
  static final int QUESTION_CHARS = 20_000;

  /**
   * Inserts each answer; one another replica stored first is left as it is.
   *
   * @throws org.springframework.dao.DataAccessException when the database fails (the rest of the
   *     batch is not written)
   */
  int insert(List<CachedAnswer> answers, String replica) {
    int written = 0;
    for (CachedAnswer a : answers) {
      String question = a.keys().question();
      try {
        jdbc.update(
            "INSERT INTO response_cache (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)",
            a.keys().namespace(),
            a.keys().exact(),
            a.keys().context(),
            question.length() > QUESTION_CHARS ? question.substring(0, QUESTION_CHARS) : question,
            a.embedding() == null ? null : bytes(a.embedding()),
            JSON.writeValueAsString(stored(a)),
            Math.round(a.costUsd() * 1e9),
            replica,
            a.createdAtMs(),
            a.expiresAtMs());
        written++;
      } catch (DuplicateKeyException stored) {
        // another replica cached the same request first
      }
    }
    return written;
  }

  /** Deletes expired answers, then the oldest beyond {@code maxStored}. */
  int trim(long nowMs, int maxStored) {
    int expired = jdbc.update("DELETE FROM response_cache WHERE expires_at_ms <= ?", nowMs);
    List<Long> cutoff =
        jdbc.queryForList(
            "SELECT created_at_ms FROM response_cache ORDER BY created_at_ms DESC LIMIT 1 OFFSET ?",
            Long.class,
            maxStored);
    int old =
        cutoff.isEmpty()
            ? 0
            : jdbc.update("DELETE FROM response_cache WHERE created_at_ms <= ?", cutoff.getFirst());
    return expired + old;
  }

  private static Stored stored(CachedAnswer a) {
    var q = a.quality();
    return new Stored(
        a.text(),
        a.model(),
        a.provider(),
        a.usage().input(),
        a.usage().output(),
        a.usage().thinking(),
        a.finishReason(),
        q == null ? null : q.semanticSimilarity(),
        q == null ? null : q.groundingScore(),
        q == null ? null : q.ungrounded());
  }

  private static CachedAnswer answer(ResultSet rs, int row) throws SQLException {
    Stored s = JSON.readValue(rs.getString("answer"), Stored.class);
    var keys =
        new CacheKeys(
            rs.getString("namespace"),
            rs.getString("key_hash"),
            rs.getString("context_hash"),
            rs.getString("question"));
    byte[] embedding = rs.getBytes("embedding");
    return new CachedAnswer(
        keys,
        s.text(),
        s.model(),
        s.provider(),
        new TokenUsage(s.input(), s.output(), s.thinking()),
        s.finish(),
        s.similarity() == null
            ? null
            : CallRecord.Quality.scored(
                s.similarity(), s.grounding(), Boolean.TRUE.equals(s.ungrounded())),
        rs.getLong("cost_nusd") / 1e9,
        embedding == null ? null : floats(embedding),
        rs.getLong("created_at_ms"),
        rs.getLong("expires_at_ms"));
  }

  static byte[] bytes(float[] v) {
    var buffer = ByteBuffer.allocate(v.length * Float.BYTES);
    buffer.asFloatBuffer().put(v);
    return buffer.array();
  }

  static float[] floats(byte[] b) {
    float[] v = new float[b.length / Float.BYTES];
    ByteBuffer.wrap(b).asFloatBuffer().get(v);
    return v;
  }
}
