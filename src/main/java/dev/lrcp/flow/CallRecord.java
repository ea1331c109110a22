package dev.lrcp.flow;

import dev.lrcp.llm.LlmFailure;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything known about one call, assembled in one place ({@link CallFlow}) and published once as
 * a Spring event when it is complete: metrics, health windows, storage, incident rules and
 * attribution all read this and nothing else. Never prompt or answer text: identifiers, labels and
 * numbers only.
 *
 * @param at when the call finished
 * @param traceId the APM trace id (decimal) when a tracer is attached, else null
 * @param failure the failure kind when {@code outcome} is {@link Outcome#ERROR} or {@link
 *     Outcome#TRUNCATED}, else null
 * @param routing how the model was chosen; null for records read back from storage
 * @param quality the answer's scores; null when no answer was scored
 * @param security what the input scan found; null when the call was not scanned
 * @param cache whether the answer came from the response cache; null when the cache did not apply
 * @param prompt the shape of the prompt (a hash, never the text); null when not known
 */
public record CallRecord(
    Instant at,
    String promptId,
    String traceId,
    Labels labels,
    Outcome outcome,
    LlmFailure failure,
    Numbers numbers,
    Routing routing,
    Quality quality,
    Security security,
    Cache cache,
    PromptShape prompt) {

  /** The provider label of an answer served from the response cache. */
  public static final String CACHE_PROVIDER = "cache";

  /** How a call ended. */
  public enum Outcome {
    SUCCESS,
    SAFETY_BLOCK,
    ERROR,
    /** Refused by the security policy before any model was called. */
    BLOCKED,
    /**
     * The model failed after part of the answer had been streamed to the caller: a failure (with
     * its kind in {@code failure}), never a success, whatever text the caller already holds.
     */
    TRUNCATED;

    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome ofTag(String tag) {
      return valueOf(tag.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * Low-cardinality labels of the call.
   *
   * @param requestedModel the model the flow asked for; {@code model} answered (after fallback)
   * @param injected true for drill traffic: a {@code simulate_*} toggle or the {@code /stress}
   *     endpoint
   * @param key the id of the virtual key the call was made with, or null; kept so a key's spend can
   *     be forecast against its budget, never a metric tag
   */
  public record Labels(
      String endpoint,
      String requestType,
      String requestedModel,
      String model,
      String provider,
      String application,
      String feature,
      boolean injected,
      String key) {

    /** The {@code traffic} tag: {@code injected} or {@code organic}. */
    public String traffic() {
      return injected ? "injected" : "organic";
    }
  }

  /** Measurements of the call; for a call that escalated, the cost of every attempt. */
  public record Numbers(
      long latencyMs,
      long ttftMs,
      int inputTokens,
      int outputTokens,
      int thinkingTokens,
      double costUsd,
      int retryCount,
      boolean fallbackUsed) {

    public static final Numbers NONE = new Numbers(0, 0, 0, 0, 0, 0, 0, false);

    public int totalTokens() {
      return inputTokens + outputTokens + thinkingTokens;
    }

    /** Output tokens including thinking tokens, as providers bill them. */
    public int billableOutputTokens() {
      return outputTokens + thinkingTokens;
    }
  }

  /**
   * How the model was chosen, and what the choice saved: the {@code routing_decision} of the call.
   *
   * @param policy {@code static}, {@code cheapest-that-holds}, {@code cascade} or {@code override}
   * @param reason why this model, a low-cardinality code: {@code request} (the caller named it),
   *     {@code endpoint}, {@code application}, {@code alias}, {@code default}, {@code holds}
   *     (cheapest that holds), {@code reference} (nothing cheaper holds), {@code
   *     insufficient_data}, {@code exploration}, {@code cascade} or {@code override}
   * @param candidates the models the policy chose among, cheapest first (a cascade's order)
   * @param chosenModel the model the decision ended with (after any escalation)
   * @param referenceModel what the savings are measured against; null for {@code static}, which
   *     saves nothing by definition
   * @param escalation why a cascade moved to a stronger model ({@code ungrounded}, {@code refusal},
   *     {@code safety_block}, {@code length}, {@code invalid_json}, {@code error}); null when it
   *     did not
   * @param savingsUsd the reference model's cost for the answer's tokens minus what every attempt
   *     cost; 0 without a reference
   * @param overrideId the runtime override that decided, or null
   * @param detail one sentence for people (metadata and logs; not stored)
   */
  public record Routing(
      String policy,
      String reason,
      List<String> candidates,
      String chosenModel,
      String referenceModel,
      String escalation,
      double savingsUsd,
      String overrideId,
      String detail) {

    public Routing {
      candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A static choice with no reference and no detail. */
    public Routing(String policy, String reason) {
      this(policy, reason, List.of(), null, null, null, 0, null, null);
    }

    public boolean escalated() {
      return escalation != null;
    }

    /**
     * The same decision, now ending on {@code model} because the last answer failed {@code why}.
     */
    public Routing escalatedTo(String model, String why, String because) {
      return new Routing(
          policy, reason, candidates, model, referenceModel, why, savingsUsd, overrideId, because);
    }

    public Routing withSavings(double usd) {
      return new Routing(
          policy,
          reason,
          candidates,
          chosenModel,
          referenceModel,
          escalation,
          usd,
          overrideId,
          detail);
    }
  }

  /**
   * The answer's quality. An answer left unscored has no scores and says why.
   *
   * @param groundingScore null when there was no document
   * @param unscored null when scored, else why not: {@code budget}, {@code queue_full} or {@code
   *     late}
   */
  public record Quality(
      Double semanticSimilarity, Double groundingScore, Boolean ungrounded, String unscored) {

    public static Quality scored(double similarity, Double grounding, boolean ungrounded) {
      return new Quality(similarity, grounding, ungrounded, null);
    }

    public static Quality unscored(String reason) {
      return new Quality(null, null, null, reason);
    }

    public boolean isScored() {
      return unscored == null && semanticSimilarity != null;
    }

    public boolean hasDocument() {
      return groundingScore != null;
    }

    /** Grounding when there was a document, else answer relevance; null when unscored. */
    public Double value() {
      return groundingScore != null ? groundingScore : semanticSimilarity;
    }
  }

  /**
   * The response cache's part in a call.
   *
   * @param result {@code hit} (exact), {@code semantic}, {@code miss} (looked up, then stored), or
   *     {@code bypass} (the caller sent {@code Cache-Control: no-store})
   * @param savedUsd for a hit, what the cached answer cost when the model produced it
   */
  public record Cache(String result, double savedUsd) {

    public static final String HIT = "hit";
    public static final String SEMANTIC = "semantic";
    public static final String MISS = "miss";
    public static final String BYPASS = "bypass";

    public boolean served() {
      return result.equals(HIT) || result.equals(SEMANTIC);
    }
  }

  /**
   * What the input scan found.
   *
   * @param injectionSource {@code prompt} or {@code document} when flagged, else null
   * @param piiTypes e.g. {@code email}, {@code card}; sorted
   */
  public record Security(
      double injectionScore,
      boolean injectionFlag,
      String injectionSource,
      Set<String> piiTypes,
      boolean tokenAbuse,
      boolean blocked) {

    public Security {
      piiTypes =
          piiTypes == null || piiTypes.isEmpty()
              ? Set.of()
              : Collections.unmodifiableSortedSet(new TreeSet<>(piiTypes));
    }
  }

  /** True when the model call failed, before or after part of the answer was streamed. */
  public boolean failed() {
    return outcome == Outcome.ERROR || outcome == Outcome.TRUNCATED;
  }

  /** True unless the call was refused before any model was called. */
  public boolean called() {
    return outcome != Outcome.BLOCKED;
  }

  public String endpoint() {
    return labels.endpoint();
  }

  public String model() {
    return labels.model();
  }

  public String provider() {
    return labels.provider();
  }

  public boolean scored() {
    return quality != null && quality.isScored();
  }

  /** Grounding score, or null when the call had no document or was not scored. */
  public Double groundingScore() {
    return quality == null ? null : quality.groundingScore();
  }

  public boolean injectionFlagged() {
    return security != null && security.injectionFlag();
  }

  public boolean tokenAbuse() {
    return security != null && security.tokenAbuse();
  }

  public CallRecord withQuality(Quality q) {
    return new CallRecord(
        at, promptId, traceId, labels, outcome, failure, numbers, routing, q, security, cache,
        prompt);
  }

  /** True when the answer came from the response cache, not from a model. */
  public boolean fromCache() {
    return cache != null && cache.served();
  }
}
