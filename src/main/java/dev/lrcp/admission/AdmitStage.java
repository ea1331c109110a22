package dev.lrcp.admission;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.ReplyHeaders;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The flow's first stage: a call with a virtual key or an application under limits takes one
 * request from each requests-per-minute limit here, and installs a {@link QuotaGate} that checks
 * the model and reserves tokens and worst-case cost before each model attempt. The caller hears its
 * quotas in {@code x-ratelimit-*} headers; a refusal is an {@link AdmissionRefusedException}.
 */
@Component
class AdmitStage implements CallStage {

  private final KeyDirectory directory;
  private final Allowances allowances;
  private final ModelCatalog catalog;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SubjectCache quotas;

  AdmitStage(
      KeyDirectory directory,
      Allowances allowances,
      ModelCatalog catalog,
      ApplicationEventPublisher events,
      Clock clock) {
    this.directory = directory;
    this.allowances = allowances;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
    this.quotas = new SubjectCache(directory);
  }

  @Override
  public Stage stage() {
    return Stage.ADMIT;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    var tags = call.request().tags();
    long now = clock.millis();
    VirtualKey key = null;
    try {
      if (tags.key() != null) {
        key = directory.key(tags.key()).orElse(null);
        if (key == null || key.revoked() || key.expired(clock.instant())) {
          throw Refusals.keyRejected(
              key, key == null ? "is unknown" : "has been revoked or expired");
        }
      }
      var subjects = quotas.of(key, tags.application(), now);
      if (!subjects.limitsAnything()) {
        return next.proceed(call);
      }
      admitRequest(call, subjects, now);
      call.gate(new QuotaGate(subjects, allowances, catalog, clock));
    } catch (AdmissionRefusedException e) {
      refused(call, e, key);
      throw e;
    }
    try {
      return next.proceed(call);
    } catch (AdmissionRefusedException e) {
      refused(call, e, key);
      throw e;
    }
  }

  private void admitRequest(Call call, Subjects subjects, long now) {
    ReplyHeaders headers = call.request().headers();
    var taken = new java.util.ArrayList<Allowance>(subjects.requests().size());
    for (Quota q : subjects.requests()) {
      Allowance a = reserve(q, 1);
      if (a == null) {
        taken.forEach(t -> t.refund(1)); // not admitted after all
        RateHeaders.set(headers, subjects, allowances, now);
        throw Refusals.rate(q, 1, now);
      }
      taken.add(a);
    }
    taken.forEach(a -> a.settle(1, 1));
    RateHeaders.set(headers, subjects, allowances, now);
  }

  private Allowance reserve(Quota q, long amount) {
    try {
      return allowances.reserve(q, amount);
    } catch (DataAccessException e) {
      throw Refusals.unavailable(q);
    }
  }

  private void refused(Call call, AdmissionRefusedException e, VirtualKey key) {
    var request = call.request();
    if (e.retryAfterSeconds() != null) {
      request.headers().set("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    Object scope = e.details().get("scope");
    String type = scope == null ? null : scope.toString().startsWith("key") ? "key" : "application";
    events.publishEvent(
        new AdmissionRefused(
            request.endpoint(), e.reason().tag(), type, request.tags().application()));
  }
}
