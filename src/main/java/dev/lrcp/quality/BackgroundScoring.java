package dev.lrcp.quality;

import dev.lrcp.quality.AnswerLeftUnscored.Reason;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Best-effort scoring off the caller's thread, bounded twice: by a {@link ScoringBudget} of CPU
 * time and by the pool's queue. Work beyond either is refused at once, never waited for. The
 * threads run at minimum priority; Linux ignores Java priorities by default, so the budget is what
 * really keeps scoring from competing with requests.
 */
final class BackgroundScoring implements AutoCloseable {

  private final ScoringBudget budget;
  private final ExecutorService executor;

  BackgroundScoring(ScoringBudget budget, ExecutorService executor) {
    this.budget = budget;
    this.executor = executor;
  }

  static BackgroundScoring start(QualityProperties properties) {
    var pool =
        new ThreadPoolExecutor(
            properties.scoringThreads(),
            properties.scoringThreads(),
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(properties.scoringQueue()),
            Thread.ofPlatform()
                .name("answer-scoring-", 0)
                .daemon()
                .priority(Thread.MIN_PRIORITY)
                .factory());
    var budget =
        new ScoringBudget(
            properties.scoringCpuShare(), System::nanoTime, ScoringBudget.threadCpuTime());
    return new BackgroundScoring(budget, pool);
  }

  /** Queues {@code task} if budget and queue allow: empty when queued, else why it was not. */
  Optional<Reason> offer(Runnable task) {
    long reserved = budget.reserve();
    if (reserved == 0) {
      return Optional.of(Reason.BUDGET);
    }
    try {
      executor.execute(() -> budget.spend(reserved, task));
      return Optional.empty();
    } catch (RejectedExecutionException e) {
      budget.release(reserved);
      return Optional.of(Reason.QUEUE_FULL);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
