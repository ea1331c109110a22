package dev.lrcp.storage;

import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRecord;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>When the database cannot be reached ({@link Outage}), the batch is held and tried again with a
 * growing pause instead of dropped, and new records wait in the queue meanwhile: an outage loses
 * nothing until the queue is full, and from then on each record it cannot take is counted as
 * dropped. Any other failure (a rejected row, a full disk) drops and counts the batch at once,
 * since trying it again would fail again.
 *
 * <p>An embedded database that fails to write its file closes itself and loses what it had accepted
 * but not written yet (H2 writes its file up to half a second after a commit). So the writer keeps
 * the batches of the last {@link #UNSURE_NANOS} (references only), and after such a failure looks
 * them up once the database is open again and writes the missing ones again.
 */
@Component
public class CallRecordWriter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);

  /** How often the writer drains the queue (at most the flush interval). */
  static final long TICK_NANOS = 10_000_000;

  /** How long after its commit a batch may still be lost with the database file (H2: 0.5 s). */
  static final long UNSURE_NANOS = 5_000_000_000L;

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
  private final Outage outage = new Outage();
  private final ArrayDeque<Written> recent = new ArrayDeque<>();
  private List<CallRecord> recheck = List.of();
  private ObjectProvider<CallFlow> flow;

  public CallRecordWriter(CallRecordRepository repository, StorageProperties properties) {
    this.statements = new CallRecordStatements(repository.dataSource());
    this.properties = properties;
    this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
  }

  /** The flow whose records still waiting for a score are published before the last write. */
  @Autowired
  void drainFrom(ObjectProvider<CallFlow> flow) {
    this.flow = flow;
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
      write(false);
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
        drainOnce(batch, interval);
      } finally {
        drainLock.unlock();
      }
      LockSupport.parkNanos(this, tick); // stop() unparks it
      if (Thread.currentThread().isInterrupted()) {
        return; // an interrupted writer stops (stop() still flushes what is left)
      }
    }
  }

  /** One tick: during an outage only the held batch is retried, when its pause has passed. */
  private void drainOnce(List<CallRecord> batch, long interval) {
    long now = System.nanoTime();
    if (outage.active() && unwritten()) {
      int held = pending.size();
      if (outage.retryDue(now) && write(true)) {
        log.info("storage: database reachable again, {} held call records written", held);
      }
      return;
    }
    outage.end(); // nothing held (a flush settled it): the next write finds out afresh
    while (!outage.active() && queue.drainTo(batch, properties.batchSize()) > 0) {
      hold(batch, now);
    }
    if (unwritten() && !outage.active() && now - oldestNanos >= interval) {
      write(true);
    }
  }

  /** Moves taken records into {@link #pending}, writing whenever a full batch is held. */
  private void hold(List<CallRecord> batch, long nowNanos) {
    for (CallRecord record : batch) {
      if (pending.isEmpty()) {
        oldestNanos = nowNanos;
      }
      pending.add(record);
      if (pending.size() >= properties.batchSize() && !outage.active()) {
        write(true);
      }
    }
    batch.clear();
    pendingSize = pending.size();
  }

  /**
   * Writes the held records; returns whether they left {@link #pending}. With {@code holdOnOutage}
   * an unreachable database keeps them held for a retry; otherwise (shutdown, an explicit flush)
   * they are counted as dropped.
   */
  private boolean write(boolean holdOnOutage) {
    if (!unwritten()) {
      return true;
    }
    try {
      restoreLost();
      statements.write(pending);
      written.addAndGet(pending.size());
      remember();
      outage.end();
    } catch (SQLException | RuntimeException e) {
      // the writer thread must survive any failure: hold or count the loss, log it, go on
      if (holdOnOutage && DatabaseFailure.unreachable(e)) {
        if (DatabaseFailure.closedItself(e)) {
          statements.reopen();
          distrustRecent();
        }
        if (outage.begin(System.nanoTime())) {
          log.warn(
              "storage: database unreachable, holding {} call records and queueing new ones"
                  + " (up to {}) until it is back: {}",
              pending.size(),
              properties.queueCapacity(),
              e.getMessage());
        }
        return false;
      }
      dropped.addAndGet(pending.size());
      log.warn(
          "storage: lost {} call records, database write failed: {}",
          pending.size(),
          e.getMessage());
    }
    pending.clear();
    pendingSize = 0;
    return true;
  }

  /** Records held, or to look up after the database closed itself. */
  private boolean unwritten() {
    return !pending.isEmpty() || !recheck.isEmpty();
  }

  /** Keeps a reference to the batch just written while the database may still lose it. */
  private void remember() {
    long now = System.nanoTime();
    recent.addLast(new Written(now, List.copyOf(pending)));
    while (now - recent.peekFirst().nanos() > UNSURE_NANOS) {
      recent.removeFirst();
    }
  }

  /** The database closed itself: the batches of the last moments are looked up once it is back. */
  private void distrustRecent() {
    long now = System.nanoTime();
    var unsure = new ArrayList<>(recheck);
    for (Written batch : recent) {
      if (now - batch.nanos() <= UNSURE_NANOS) {
        unsure.addAll(batch.records());
      }
    }
    recent.clear();
    recheck = unsure;
  }

  /** Adds to the held batch the records to look up that the database does not hold. */
  private void restoreLost() throws SQLException {
    if (recheck.isEmpty()) {
      return;
    }
    List<CallRecord> lost = statements.absent(recheck);
    recheck = List.of();
    if (!lost.isEmpty()) {
      written.addAndGet(-lost.size()); // counted when the database accepted them
      pending.addAll(0, lost);
      pendingSize = pending.size();
      log.warn(
          "storage: writing again {} call records the database had accepted but lost when it"
              + " failed to write its file",
          lost.size());
    }
  }

  private record Written(long nanos, List<CallRecord> records) {}

  @Override
  public void start() {
    running = true;
    Thread t = Thread.ofPlatform().daemon().name("lrcp-storage-writer").unstarted(this::drainLoop);
    worker = t;
    t.start();
  }

  @Override
  public void stop() {
    if (flow != null) {
      flow.ifAvailable(CallFlow::publishWaiting); // no call is in flight any more
    }
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
