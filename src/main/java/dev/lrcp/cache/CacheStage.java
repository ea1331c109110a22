package dev.lrcp.cache;

import dev.lrcp.flow.CacheDirective;
import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.quality.SentenceEmbedder;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers a call from the response cache when its route allows it: an exact match of the normalised
 * request, else (semantic routes) the closest earlier answer in the same namespace and context
 * whose last user message is similar enough and names the same numbers and names. Drills ({@code
 * simulate_*}, /stress) are never cached; {@code Cache-Control: no-store} bypasses the cache. The
 * caller hears {@code X-LRCP-Cache: hit|semantic|miss}.
 */
@Component
class CacheStage implements CallStage {

  static final String HEADER = "X-LRCP-Cache";

  private final ResponseCache cache;
  private final CacheProperties properties;
  private final ObjectProvider<SentenceEmbedder> embedder;
  private final Clock clock;

  CacheStage(
      ResponseCache cache,
      CacheProperties properties,
      ObjectProvider<SentenceEmbedder> embedder,
      Clock clock) {
    this.cache = cache;
    this.properties = properties;
    this.embedder = embedder;
    this.clock = clock;
  }

  @Override
  public Stage stage() {
    return Stage.CACHE;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    CallRequest r = call.request();
    if (!properties.enabled() || r.injected()) {
      return next.proceed(call);
    }
    if (r.cache() == CacheDirective.NO_STORE) {
      call.cache(new CallRecord.Cache(CallRecord.Cache.BYPASS, 0));
      r.headers().set(HEADER, CallRecord.Cache.MISS);
      return next.proceed(call);
    }
    var route = properties.route(r.requestType());
    boolean deterministic = r.options().temperature() == 0;
    boolean exact =
        route.exact() == CacheProperties.Exact.ALWAYS
            || (route.exact() == CacheProperties.Exact.DETERMINISTIC
                && (deterministic || r.cache() != CacheDirective.DEFAULT));
    boolean semantic = route.semantic() && (deterministic || r.cache() == CacheDirective.SEMANTIC);
    if (!exact && !semantic) {
      return next.proceed(call);
    }
    CacheKeys keys = CacheKeys.of(call);
    CachedAnswer hit = exact ? cache.exact(keys) : null;
    if (hit != null) {
      cache.hits.incrementAndGet();
      return serve(call, hit, CallRecord.Cache.HIT);
    }
    float[] vector = semantic ? embed(keys.question()) : null;
    if (vector != null) {
      var match = cache.semantic(keys, vector, route.threshold());
      if (match != null) {
        cache.semanticHits.incrementAndGet();
        return serve(call, match.answer(), CallRecord.Cache.SEMANTIC);
      }
    }
    cache.misses.incrementAndGet();
    call.cache(new CallRecord.Cache(CallRecord.Cache.MISS, 0));
    r.headers().set(HEADER, CallRecord.Cache.MISS);
    LlmResponse response = next.proceed(call);
    if (!response.safetyBlock() && call.attempt() != null && call.attempt().answered()) {
      long now = clock.millis();
      cache.put(
          new CachedAnswer(
              keys,
              response.text(),
              response.model(),
              response.provider(),
              response.usage(),
              response.finishReason(),
              call.quality(),
              call.spentUsd(),
              vector,
              now,
              cache.expiresAt(now)));
    }
    return response;
  }

  private LlmResponse serve(Call call, CachedAnswer answer, String result) {
    cache.savedNanos.addAndGet(Math.round(answer.costUsd() * 1e9));
    call.request().headers().set(HEADER, result);
    if (result.equals(CallRecord.Cache.HIT) && answer.quality() != null) {
      call.quality(answer.quality()); // the same answer to the same request: the same scores
    }
    return call.answerFromCache(answer.response(), new CallRecord.Cache(result, answer.costUsd()));
  }

  /** The message's vector, or null when the model is not available (the call just misses). */
  private float[] embed(String question) {
    SentenceEmbedder model = embedder.getIfAvailable();
    if (model == null || question.isEmpty()) {
      return null;
    }
    try {
      return model.vectors(List.of(question))[0];
    } catch (RuntimeException unavailable) {
      return null;
    }
  }
}
