package dev.lrcp.quality;

import dev.lrcp.quality.AnswerScorer.Unscored;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Best-effort scoring off the caller's thread, bounded twice: by a {@link ScoringBudget} of CPU
 * time and by the pool's queue. Work beyond either is refused at once, never waited for. On Linux
 * the threads also run in {@code SCHED_IDLE} ({@link IdleScheduling}, unless {@code
 * lrcp.quality.scoring-idle} is false), so on a busy machine a request never waits behind them for
 * a core; they then score only with CPU nothing else wanted, fewer answers under saturating load.
 */
final class BackgroundScoring implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BackgroundScoring.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /**
   * Thrown for every answer refused by a full queue, which under saturating load is most of them:
   * one shared instance without a stack trace, since filling one in per refusal costs measurable
   * CPU on the request path (docs/adr/0008-background-scoring.md).
   */
  private static final RejectedExecutionException QUEUE_FULL =
      new RejectedExecutionException("scoring queue full") {
        @Override
        public synchronized Throwable fillInStackTrace() {
          return this;
        }
      };

  private final ScoringBudget budget;
  private final ExecutorService executor;

  BackgroundScoring(ScoringBudget budget, ExecutorService executor) {
    this.budget = budget;
    this.executor = executor;
  }

  static BackgroundScoring start(QualityProperties properties) {
    ThreadFactory threads =
        Thread.ofPlatform()
            .name("answer-scoring-", 0)
            .daemon()
            .priority(Thread.MIN_PRIORITY)
            .factory();
    var pool =
        new ThreadPoolExecutor(
            properties.scoringThreads(),
            properties.scoringThreads(),
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(properties.scoringQueue()),
            properties.scoringIdle() ? idle(threads) : threads,
            (task, executor) -> {
              throw QUEUE_FULL;
            });
    var budget =
        new ScoringBudget(
            properties.scoringCpuShare(), System::nanoTime, ScoringBudget.threadCpuTime());
    return new BackgroundScoring(budget, pool);
  }

  private static ThreadFactory idle(ThreadFactory threads) {
    return task ->
        threads.newThread(
            () -> {
              if (!IdleScheduling.enter() && WARNED.compareAndSet(false, true)) {
                log.info(
                    "background scoring runs in the normal scheduling class (SCHED_IDLE not"
                        + " available here): its CPU share alone bounds it");
              }
              task.run();
            });
  }

  /** Queues {@code task} if budget and queue allow: empty when queued, else why it was not. */
  Optional<Unscored> offer(Runnable task) {
    long reserved = budget.reserve();
    if (reserved == 0) {
      return Optional.of(Unscored.BUDGET);
    }
    try {
      executor.execute(() -> budget.spend(reserved, task));
      return Optional.empty();
    } catch (RejectedExecutionException e) {
      budget.release(reserved);
      return Optional.of(Unscored.QUEUE_FULL);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
