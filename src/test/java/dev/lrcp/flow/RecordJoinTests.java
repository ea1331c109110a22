package dev.lrcp.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord.Quality;
import dev.lrcp.llm.Deadlines.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The join of a record and its background score, with the wait's deadline fired by hand. */
class RecordJoinTests {

  final List<CallRecord> published = new ArrayList<>();
  final List<Runnable> deadlines = new ArrayList<>();
  final CallRecord record = Records.call(Instant.EPOCH, "/qa", "m", 100);

  void recordArrives(RecordJoin join) {
    join.record(
        record,
        published::add,
        expire -> {
          deadlines.add(expire);
          return Deadline.NONE;
        });
  }

  @Test
  void theScoreArrivingFirstWaitsForTheRecord() {
    var join = new RecordJoin();
    join.complete(Quality.scored(0.8, 0.7, false));
    assertThat(published).isEmpty();

    recordArrives(join);

    assertThat(published).containsExactly(record.withQuality(Quality.scored(0.8, 0.7, false)));
    assertThat(deadlines).as("nothing left to wait for").isEmpty();
  }

  @Test
  void theRecordArrivingFirstWaitsForTheScore() {
    var join = new RecordJoin();
    recordArrives(join);
    assertThat(published).isEmpty();

    join.complete(Quality.unscored("budget"));
    deadlines.getFirst().run();

    assertThat(published).containsExactly(record.withQuality(Quality.unscored("budget")));
  }

  @Test
  void aScoreThatNeverComesLeavesTheRecordUnscoredAsLateAndALaterScoreIsDropped() {
    var join = new RecordJoin();
    recordArrives(join);

    deadlines.getFirst().run();
    join.complete(Quality.scored(0.9, null, false));

    assertThat(published).containsExactly(record.withQuality(Quality.unscored(RecordJoin.LATE)));
  }
}
