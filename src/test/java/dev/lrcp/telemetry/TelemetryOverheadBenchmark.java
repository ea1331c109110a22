package dev.lrcp.telemetry;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import com.timgroup.statsd.NonBlockingStatsDClientBuilder;
import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Not a test: prints the cost of the telemetry layer per call (ns/call) next to a bare client. The
 * telemetry path does everything production does except network I/O it cannot wait on: spans (no-op
 * without the agent, real with {@code -javaagent}), the JSON call log encoded by
 * logstash-logback-encoder into a null stream, and the DogStatsD lines of each call queued to a
 * real non-blocking client. Run with {@code bench/telemetry/run.sh}.
 */
public final class TelemetryOverheadBenchmark {

  private static final int CALLS = 100_000;
  private static final int ROUNDS = 7;
  private static final boolean METRICS = !Boolean.getBoolean("bench.no-metrics");
  private static final boolean LOGS = !Boolean.getBoolean("bench.no-logs");

  private TelemetryOverheadBenchmark() {}

  public static void main(String[] args) {
    quietJsonLogging();
    var response =
        LlmResponse.of("4", "gemini-2.5-flash", "google", new TokenUsage(120, 30, 0), "STOP");
    LlmClient bare = r -> response;
    var statsd =
        new NonBlockingStatsDClientBuilder()
            .hostname("127.0.0.1")
            .port(Integer.getInteger("statsd.port", 8125))
            .enableTelemetry(false)
            .build();
    var metrics = new CallMetrics(new MetricEmitter(statsd, MetricCatalog.load()));
    LlmClient telemetry =
        new TelemetryLlmClient(
            bare,
            ModelCatalog.load(),
            event -> {
              if (METRICS) {
                metrics.on((LlmCallCompleted) event);
              }
            },
            Clock.systemUTC(),
            new TelemetryProperties(true, false, "bench", true, 4096));
    var request =
        new LlmRequest(
            "p-bench",
            "/qa",
            "qa",
            "gemini-2.5-flash",
            List.of(Message.user("What is 2+2? mail me at a@b.co")),
            null,
            null,
            null,
            null);

    measure(bare, request);
    measure(telemetry, request);
    long[] bareNs = new long[ROUNDS];
    long[] telemetryNs = new long[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      bareNs[round] = measure(bare, request);
      telemetryNs[round] = measure(telemetry, request);
    }
    statsd.close();
    long bareMedian = median(bareNs);
    long telemetryMedian = median(telemetryNs);
    System.out.printf(
        "calls/round=%d rounds=%d agent=%s%nbare client:      median %,d ns/call  rounds %s%n"
            + "telemetry client: median %,d ns/call  rounds %s%noverhead:         %,d ns/call%n",
        CALLS,
        ROUNDS,
        agentAttached(),
        bareMedian,
        Arrays.toString(bareNs),
        telemetryMedian,
        Arrays.toString(telemetryNs),
        telemetryMedian - bareMedian);
  }

  private static long measure(LlmClient client, LlmRequest request) {
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      sink += client.generate(request).usage().total();
    }
    long perCall = (System.nanoTime() - start) / CALLS;
    if (sink == 42) {
      System.out.print("");
    }
    return perCall;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static boolean agentAttached() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.startsWith("-javaagent"));
  }

  /** The call log still goes through the JSON encoder, into a null stream instead of stdout. */
  private static void quietJsonLogging() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    if (!LOGS) {
      context.getLogger("dev.lrcp.telemetry.calls").setLevel(ch.qos.logback.classic.Level.OFF);
    }
    var encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    var appender = new OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    appender.start();
    root.addAppender(appender);
  }
}
