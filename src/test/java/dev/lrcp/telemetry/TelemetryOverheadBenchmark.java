package dev.lrcp.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.AsyncAppenderBase;
import com.timgroup.statsd.NonBlockingStatsDClientBuilder;
import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * Not a test: prints the cost of the telemetry per call: a call flow with the trace stage and the
 * call-record metrics next to the same flow without them. The telemetry path does everything
 * production does except network I/O it cannot wait on: spans (no-op without the agent, real with
 * {@code -javaagent}), the call log through the production {@code logback-spring.xml} (stdout
 * replaced by a line-counting null stream), and the DogStatsD lines of each call queued to a real
 * non-blocking client. Calls run in bursts smaller than the log queue; between bursts the harness
 * waits for the log worker, so no line is dropped and the process CPU figure includes the work
 * moved off the request thread. Run with {@code bench/telemetry/run.sh}.
 */
public final class TelemetryOverheadBenchmark {

  private static final int CALLS = 100_000;
  private static final int BURST = 200;
  private static final int ROUNDS = 7;
  private static final boolean METRICS = !Boolean.getBoolean("bench.no-metrics");
  private static final boolean LOGS = !Boolean.getBoolean("bench.no-logs");
  private static final AtomicLong LINES = new AtomicLong();

  private TelemetryOverheadBenchmark() {}

  /**
   * Per-call figures of one round: request-thread wall time and CPU time (the latter immune to
   * other processes on a busy machine), process CPU (all threads: log worker, DogStatsD, GC) and
   * bytes allocated by the request thread.
   */
  private record Round(long wallNs, long threadCpuNs, long cpuNs, long bytes) {}

  public static void main(String[] args) {
    PrintStream report = System.out;
    productionLogging();
    var response =
        LlmResponse.of("4", "gemini-2.5-flash", "google", new TokenUsage(120, 30, 0), "STOP");
    LlmClient model = r -> response;
    var catalog = ModelCatalog.load();
    var deadlines = new Deadlines();
    var statsd =
        new NonBlockingStatsDClientBuilder()
            .hostname("127.0.0.1")
            .port(Integer.getInteger("statsd.port", 8125))
            .enableTelemetry(false)
            .build();
    var metrics = new CallMetrics(new MetricEmitter(statsd, MetricCatalog.load()));
    var bare = new CallFlow(List.of(), model, catalog, event -> {}, Clock.systemUTC(), deadlines);
    var telemetry =
        new CallFlow(
            List.of(new TraceStage(catalog, new TelemetryProperties(true, false, true))),
            model,
            catalog,
            event -> {
              if (METRICS) {
                metrics.on((CallRecord) event);
              }
            },
            Clock.systemUTC(),
            deadlines);
    var request =
        new CallRequest(
            "/qa",
            "qa",
            "What is 2+2?",
            null,
            List.of(Message.user("What is 2+2? mail me at a@b.co")),
            "gemini-2.5-flash",
            null,
            null,
            null,
            null,
            CallRequest.Scoring.NOW,
            null,
            null);

    measure(bare, request);
    measure(telemetry, request);
    var bareRounds = new Round[ROUNDS];
    var telemetryRounds = new Round[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      bareRounds[round] = measure(bare, request);
      telemetryRounds[round] = measure(telemetry, request);
    }
    context().stop(); // as at shutdown: an asynchronous appender writes out what it still holds
    long lines = LINES.get();
    statsd.close();
    report.printf(
        "calls/round=%d rounds=%d agent=%s logs=%s metrics=%s log lines=%d of %d calls%n",
        CALLS,
        ROUNDS,
        agentAttached(),
        LOGS,
        METRICS,
        lines,
        LOGS ? (long) CALLS * (ROUNDS + 1) : 0);
    print(report, "bare flow:     ", bareRounds);
    print(report, "with telemetry:", telemetryRounds);
    report.printf(
        "overhead:          request thread %,d ns/call (CPU %,d), process CPU %,d ns/call%n",
        median(telemetryRounds, Round::wallNs) - median(bareRounds, Round::wallNs),
        median(telemetryRounds, Round::threadCpuNs) - median(bareRounds, Round::threadCpuNs),
        median(telemetryRounds, Round::cpuNs) - median(bareRounds, Round::cpuNs));
  }

  private static Round measure(CallFlow flow, CallRequest request) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long sink = 0;
    long wall = 0;
    long threadCpu = 0;
    long cpu = os.getProcessCpuTime();
    long bytes = threads.getCurrentThreadAllocatedBytes();
    for (int done = 0; done < CALLS; done += BURST) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < BURST; i++) {
        sink += flow.run(request).response().usage().total();
      }
      wall += System.nanoTime() - start;
      threadCpu += threads.getCurrentThreadCpuTime() - startCpu;
      awaitLogWorker();
    }
    bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
    cpu = os.getProcessCpuTime() - cpu;
    if (sink == 42) {
      System.out.print("");
    }
    return new Round(wall / CALLS, threadCpu / CALLS, cpu / CALLS, bytes / CALLS);
  }

  private static void print(PrintStream out, String name, Round[] rounds) {
    out.printf(
        "%s request thread median %,d ns/call %s, CPU %,d ns/call | process CPU median %,d"
            + " ns/call %s | allocated %,d B/call%n",
        name,
        median(rounds, Round::wallNs),
        Arrays.toString(Arrays.stream(rounds).mapToLong(Round::wallNs).toArray()),
        median(rounds, Round::threadCpuNs),
        median(rounds, Round::cpuNs),
        Arrays.toString(Arrays.stream(rounds).mapToLong(Round::cpuNs).toArray()),
        median(rounds, Round::bytes));
  }

  private static long median(Round[] rounds, java.util.function.ToLongFunction<Round> field) {
    long[] sorted = Arrays.stream(rounds).mapToLong(field).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static boolean agentAttached() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.startsWith("-javaagent"));
  }

  /**
   * logback-spring.xml exactly as the service loads it (through Spring Boot's logging system), with
   * stdout replaced: the console appender looks System.out up on every write.
   */
  private static void productionLogging() {
    System.setOut(new PrintStream(new LineCounter(), false));
    var logging = LoggingSystem.get(TelemetryOverheadBenchmark.class.getClassLoader());
    logging.beforeInitialize();
    logging.initialize(
        new LoggingInitializationContext(new StandardEnvironment()),
        "classpath:logback-spring.xml",
        null);
    if (!LOGS) {
      context().getLogger("dev.lrcp.telemetry.calls").setLevel(Level.OFF);
    }
  }

  /** Waits (outside the timed bursts) until an asynchronous log appender has written its queue. */
  private static void awaitLogWorker() {
    var root = context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof AsyncAppenderBase<?> async) {
        while (async.getNumberOfElementsInQueue() > 0) {
          LockSupport.parkNanos(50_000); // parked, so the wait adds no CPU to the process figure
        }
      }
    }
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }

  private static final class LineCounter extends OutputStream {
    @Override
    public void write(int b) {
      if (b == '\n') {
        LINES.incrementAndGet();
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
