package dev.lrcp.storage;

import dev.lrcp.flow.CallRecord;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes call records without touching the request thread: the listener only {@code offer}s to a
 * bounded queue (a full queue drops and counts, never blocks) and one writer thread drains it every
 * 10 ms ({@link #TICK_NANOS}), so no request ever wakes it (waking a parked thread per offer costs
 * the request thread a futex call and the machine a context switch). The writer holds records until
 * a batch is full or the oldest has waited {@code flushInterval}; each flush is one transaction of
 * multi-row INSERTs ({@link CallRecordStatements}). Every record is either written or counted as
 * dropped.
 */
@Component
public class CallRecordWriter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);

  /** How often the writer drains the queue (at most the flush interval). */
  static final long TICK_NANOS = 10_000_000;

  private final CallRecordStatements statements;
  private final StorageProperties properties;
  private final BlockingQueue<CallRecord> queue;
  private final List<CallRecord> pending = new ArrayList<>();
  private long oldestNanos;
  private volatile int pendingSize;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  // Held while records are taken from the queue, held or written, so flush() never overtakes
  // records the worker already took, and only one thread touches `pending`. Fair, so a flush is
  // not starved by the worker's next poll.
  private final ReentrantLock drainLock = new ReentrantLock(true);
  private volatile Thread worker;
  private volatile boolean running;

  public CallRecordWriter(CallRecordRepository repository, StorageProperties properties) {
    this.statements = new CallRecordStatements(repository.dataSource());
    this.properties = properties;
    this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
  }

  /** Queues the record for writing; counts it as dropped if the queue is full. */
  @EventListener
  public void on(CallRecord record) {
    if (!queue.offer(record)) {
      dropped.incrementAndGet();
    }
  }

  /**
   * Writes everything queued or held so far on the caller's thread (shutdown, tests, benchmarks).
   */
  public void flush() {
    drainLock.lock();
    try {
      List<CallRecord> batch = new ArrayList<>();
      while (queue.drainTo(batch, properties.batchSize()) > 0) {
        hold(batch, System.nanoTime());
      }
      writePending();
    } finally {
      drainLock.unlock();
    }
  }

  int queueDepth() {
    return queue.size() + pendingSize;
  }

  long takeWritten() {
    return written.getAndSet(0);
  }

  long takeDropped() {
    return dropped.getAndSet(0);
  }

  private void drainLoop() {
    List<CallRecord> batch = new ArrayList<>(properties.batchSize());
    long interval = properties.flushInterval().toNanos();
    long tick = Math.min(interval, TICK_NANOS);
    while (running) {
      drainLock.lock();
      try {
        while (queue.drainTo(batch, properties.batchSize()) > 0) {
          hold(batch, System.nanoTime());
        }
        if (!pending.isEmpty() && System.nanoTime() - oldestNanos >= interval) {
          writePending();
        }
      } finally {
        drainLock.unlock();
      }
      LockSupport.parkNanos(this, tick); // stop() unparks it
      if (Thread.currentThread().isInterrupted()) {
        return; // an interrupted writer stops (stop() still flushes what is left)
      }
    }
  }

  /** Moves taken records into {@link #pending}, writing whenever a full batch is held. */
  private void hold(List<CallRecord> batch, long nowNanos) {
    for (CallRecord record : batch) {
      if (pending.isEmpty()) {
        oldestNanos = nowNanos;
      }
      pending.add(record);
      if (pending.size() >= properties.batchSize()) {
        writePending();
      }
    }
    batch.clear();
    pendingSize = pending.size();
  }

  private void writePending() {
    if (pending.isEmpty()) {
      return;
    }
    int records = pending.size();
    try {
      statements.write(pending);
      written.addAndGet(records);
    } catch (SQLException | RuntimeException e) {
      // the writer thread must survive any failure: count the loss, log it, go on
      dropped.addAndGet(records);
      log.warn("storage: lost {} call records, database write failed: {}", records, e.getMessage());
    } finally {
      pending.clear();
      pendingSize = 0;
    }
  }

  @Override
  public void start() {
    running = true;
    Thread t = Thread.ofPlatform().daemon().name("lrcp-storage-writer").unstarted(this::drainLoop);
    worker = t;
    t.start();
  }

  @Override
  public void stop() {
    Thread t = worker;
    worker = null;
    running = false;
    if (t != null) {
      LockSupport.unpark(t);
      // no interrupt: H2 closes its file channel when a thread is interrupted during I/O
      try {
        t.join(properties.flushInterval().toMillis() + 30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }

  /** Stop after the web server (higher phases stop first) but before the datasource goes away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 4096;
  }
}
