package dev.lrcp.storage;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.quality.AnswerScored;
import dev.lrcp.security.PromptScanned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writer thread holds between flushes: call records not yet inserted, and quality results
 * for calls already written. A result whose call is still held is folded into its record, so the
 * call is inserted once with its quality and needs no UPDATE (scoring usually finishes within
 * milliseconds of the call, well inside one flush interval). Input scans, published before their
 * call, wait here (the latest {@value #SCANS}) to be joined into its record. Prompt ids are unique
 * per call. Not thread-safe: only the thread holding the writer's drain lock touches it.
 */
final class PendingCalls {

  static final int SCANS = 10_000;

  private final List<CallRecord> records = new ArrayList<>();
  private final Map<String, Integer> byPromptId = new HashMap<>();
  private final List<AnswerScored> lateScores = new ArrayList<>();
  private final LinkedHashMap<String, PromptScanned> scans = new LinkedHashMap<>();
  private long oldestNanos;

  /** Adds a call, a ready record, a scan or a quality result; anything else is ignored. */
  void add(Object item, long nowNanos) {
    if (isEmpty()) {
      oldestNanos = nowNanos;
    }
    if (item instanceof PromptScanned scan) {
      scans.put(scan.promptId(), scan);
      if (scans.size() > SCANS) {
        scans.pollFirstEntry();
      }
    } else if (item instanceof LlmCallCompleted call) {
      add(CallRecord.of(call, scans.remove(call.promptId())), nowNanos);
    } else if (item instanceof CallRecord r) {
      byPromptId.put(r.promptId(), records.size());
      records.add(r);
    } else if (item instanceof AnswerScored s) {
      Integer held = byPromptId.get(s.promptId());
      if (held == null) {
        lateScores.add(s);
      } else {
        records.set(held, records.get(held).withQuality(CallRecord.Quality.of(s)));
      }
    }
  }

  boolean isEmpty() {
    return records.isEmpty() && lateScores.isEmpty();
  }

  int size() {
    return records.size() + lateScores.size();
  }

  /** Nanoseconds since the oldest held item arrived (0 when empty). */
  long ageNanos(long nowNanos) {
    return isEmpty() ? 0 : nowNanos - oldestNanos;
  }

  List<CallRecord> records() {
    return records;
  }

  List<AnswerScored> lateScores() {
    return lateScores;
  }

  void clear() {
    records.clear();
    byPromptId.clear();
    lateScores.clear();
  }
}
