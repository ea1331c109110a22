package dev.lrcp.telemetry;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.v1.api.EventsApi;
import com.datadog.api.client.v1.model.EventAlertType;
import com.datadog.api.client.v1.model.EventCreateRequest;
import dev.lrcp.admission.BudgetWarning;
import dev.lrcp.incident.DatadogAccount;
import dev.lrcp.insights.AnomalyStoryTold;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Budget warnings and anomaly stories as Datadog events (Events API, {@code DD_API_KEY}), posted
 * from one background thread so a slow API never holds the replica's spend report or its story run;
 * without an API key nothing is sent (the metric {@code llm.budget.warning.count} is sent either
 * way, and stories stay in {@code GET /insights}).
 */
@Component
class DatadogEvents implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DatadogEvents.class);

  private final DatadogAccount account;
  private final ExecutorService sender =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(100),
          Thread.ofPlatform().name("lrcp-datadog-events").daemon().factory(),
          new ThreadPoolExecutor.DiscardPolicy());
  private volatile EventsApi api;

  DatadogEvents(DatadogAccount account) {
    this.account = account;
  }

  @EventListener
  void on(BudgetWarning warning) {
    send(() -> event(warning, account), "budget warning");
  }

  @EventListener
  void on(AnomalyStoryTold story) {
    send(() -> event(story, account), "anomaly story");
  }

  private void send(Supplier<EventCreateRequest> event, String what) {
    if (account.apiKey() == null || account.apiKey().isBlank()) {
      return;
    }
    sender.execute(() -> post(event.get(), what));
  }

  /** One story per change: its scope, measure and time aggregate repeats of it. */
  static EventCreateRequest event(AnomalyStoryTold s, DatadogAccount account) {
    List<String> tags = new ArrayList<>();
    tags.add("service:" + account.service());
    tags.add("env:" + account.env());
    tags.add("source:lrcp-anomaly");
    if (s.endpoint() != null) {
      tags.add("endpoint:" + s.endpoint());
    }
    if (s.model() != null) {
      tags.add("model:" + s.model());
    }
    return new EventCreateRequest()
        .title(String.format(Locale.ROOT, "Anomaly: %s on %s", s.measure(), s.scope()))
        .text(s.text())
        .alertType(EventAlertType.WARNING)
        .aggregationKey("lrcp-anomaly-" + s.scope() + "-" + s.measure() + "-" + s.at())
        .sourceTypeName("java")
        .tags(tags);
  }

  static EventCreateRequest event(BudgetWarning w, DatadogAccount account) {
    String subject = w.subjectType() + " '" + w.subject() + "'";
    List<String> tags = new ArrayList<>();
    tags.add("service:" + account.service());
    tags.add("env:" + account.env());
    tags.add("level:" + w.level());
    tags.add("window:" + w.window());
    if (w.application() != null) {
      tags.add("application:" + w.application());
    }
    return new EventCreateRequest()
        .title(
            String.format(
                Locale.ROOT,
                "Budget at %d%%: %s, %s %s",
                w.level(),
                subject,
                w.window(),
                w.period()))
        .text(
            String.format(
                Locale.ROOT,
                "%s has spent $%.4f of its %s budget of $%.4f (%s). Calls beyond the budget are"
                    + " refused with 429 budget_exceeded.",
                subject,
                w.spentUsd(),
                w.window().equals("day") ? "daily" : "monthly",
                w.limitUsd(),
                w.period()))
        .alertType(w.level() >= 95 ? EventAlertType.ERROR : EventAlertType.WARNING)
        .aggregationKey("lrcp-budget-" + w.subjectType() + "-" + w.subject() + "-" + w.period())
        .sourceTypeName("java")
        .tags(tags);
  }

  private void post(EventCreateRequest event, String what) {
    try {
      api().createEvent(event);
    } catch (ApiException | RuntimeException e) {
      log.warn("{} event not delivered to Datadog: {}", what, e.getMessage());
    }
  }

  private EventsApi api() {
    if (api == null) {
      var client = new ApiClient();
      URI url = URI.create("https://api." + account.site());
      client.setServerIndex(1);
      client.setServerVariables(Map.of("protocol", url.getScheme(), "name", url.getAuthority()));
      client.configureApiKeys(Map.of("apiKeyAuth", account.apiKey()));
      client.enableRetry(false);
      client.setConnectTimeout(5_000);
      client.setReadTimeout(10_000);
      api = new EventsApi(client);
    }
    return api;
  }

  @Override
  public void destroy() {
    sender.shutdownNow();
  }
}
