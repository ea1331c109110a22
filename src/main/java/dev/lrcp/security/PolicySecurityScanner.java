package dev.lrcp.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@link SecurityScanner}: injection detection on the prompt and, separately, on the document
 * (indirect injection), PII kinds, token abuse, and the flag-or-block policy. Publishes one {@link
 * PromptScanned} per scanned request.
 */
@Component
class PolicySecurityScanner implements SecurityScanner {

  private final InjectionDetector detector;
  private final TokenAbuseDetector abuse;
  private final SecurityProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AtomicLong scans = new AtomicLong();

  PolicySecurityScanner(
      SecurityProperties properties,
      ApplicationEventPublisher events,
      ObjectProvider<Clock> clock) {
    this.properties = properties;
    this.events = events;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.detector = new InjectionDetector(InjectionModel.load());
    this.abuse =
        new TokenAbuseDetector(
            this.clock,
            properties.maxRequestTokens(),
            properties.maxClientTokens(),
            properties.clientWindow());
  }

  @Override
  public SecurityVerdict scan(
      String promptId, String endpoint, String prompt, String document, String client) {
    String p = prompt == null ? "" : prompt;
    boolean hasDocument = document != null && !document.isBlank();
    double promptScore = detector.detect(p, InputSource.PROMPT).score();
    double documentScore =
        hasDocument ? detector.detect(document, InputSource.DOCUMENT).score() : 0;
    double score = Math.max(promptScore, documentScore);
    boolean flag = score >= properties.injectionThreshold();
    String source = !flag ? null : promptScore >= documentScore ? "prompt" : "document";
    Set<String> pii = new TreeSet<>(PiiDetector.detect(p));
    if (hasDocument) {
      pii.addAll(PiiDetector.detect(document));
    }
    boolean tokenAbuse = abuse.abusive(hasDocument ? p + "\n" + document : p, client);
    if (scans.incrementAndGet() % 1024 == 0) {
      abuse.evictIdle();
    }
    String blockReason =
        flag && properties.injectionPolicy() == SecurityProperties.InjectionPolicy.BLOCK
            ? String.format(
                Locale.ROOT, "prompt injection detected in the %s (score %.2f)", source, score)
            : null;
    events.publishEvent(
        new PromptScanned(
            clock.instant(),
            promptId,
            endpoint,
            score,
            flag,
            source,
            pii,
            tokenAbuse,
            blockReason != null));
    return new SecurityVerdict(score, flag, source, pii, tokenAbuse, blockReason);
  }

  /** Scans one text without recording or publishing anything (offline {@code /security/scan}). */
  Analysis analyze(String text, InputSource source) {
    InjectionDetector.Detection d = detector.detect(text, source);
    return new Analysis(
        d,
        d.score() >= properties.injectionThreshold(),
        properties.injectionThreshold(),
        PiiDetector.detect(text),
        abuse.abusive(text),
        TokenAbuseDetector.estimateTokens(text));
  }

  record Analysis(
      InjectionDetector.Detection detection,
      boolean injectionFlag,
      double threshold,
      Set<String> piiTypes,
      boolean tokenAbuse,
      int estimatedTokens) {}
}
