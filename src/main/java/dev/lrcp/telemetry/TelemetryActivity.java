package dev.lrcp.telemetry;

import com.timgroup.statsd.NoOpStatsDClient;
import com.timgroup.statsd.StatsDClient;
import dev.lrcp.flow.CallRecord;
import io.opentracing.util.GlobalTracer;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What this process has really sent since it started, for the product list: model calls measured as
 * metrics and logged, calls traced by an attached agent. Counting costs one adder increment per
 * call.
 */
@Component
public class TelemetryActivity {

  private final StatsDClient statsd;
  private final DatadogProperties dd;
  private final Environment environment;
  private final LongAdder calls = new LongAdder();
  private final LongAdder traced = new LongAdder();

  TelemetryActivity(StatsDClient statsd, DatadogProperties dd, Environment environment) {
    this.statsd = statsd;
    this.dd = dd;
    this.environment = environment;
  }

  /**
   * @param statsdTarget where metric lines go ({@code host:port}), or null when DogStatsD is off
   * @param callsMeasured model calls sent as metric lines and JSON log lines
   * @param tracerAttached whether dd-java-agent registered a tracer in this process
   * @param llmObsEnabled {@code DD_LLMOBS_ENABLED} with an attached tracer
   * @param callsTraced model calls that carried an APM trace id
   */
  public record Snapshot(
      String statsdTarget,
      long callsMeasured,
      boolean tracerAttached,
      boolean llmObsEnabled,
      long callsTraced) {}

  @EventListener
  void on(CallRecord call) {
    if (!call.called()) {
      return;
    }
    calls.increment();
    if (call.traceId() != null) {
      traced.increment();
    }
  }

  public Snapshot snapshot() {
    boolean tracer = GlobalTracer.isRegistered();
    return new Snapshot(
        statsd instanceof NoOpStatsDClient ? null : dd.agentHost() + ":" + dd.dogstatsdPort(),
        calls.sum(),
        tracer,
        tracer && environment.getProperty("dd.llmobs.enabled", Boolean.class, false),
        traced.sum());
  }
}
