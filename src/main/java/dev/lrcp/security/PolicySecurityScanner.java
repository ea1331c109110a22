package dev.lrcp.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link SecurityScanner}: injection detection on the prompt and, separately, on the document
 * (indirect injection), PII kinds, token abuse, and the flag-or-block policy.
 */
@Component
class PolicySecurityScanner implements SecurityScanner {

  private final InjectionDetector detector;
  private final TokenAbuseDetector abuse;
  private final SecurityProperties properties;
  private final AtomicLong scans = new AtomicLong();

  PolicySecurityScanner(SecurityProperties properties, ObjectProvider<Clock> clock) {
    this.properties = properties;
    this.detector = new InjectionDetector(InjectionModel.load());
    this.abuse =
        new TokenAbuseDetector(
            clock.getIfAvailable(Clock::systemUTC),
            properties.maxRequestTokens(),
            properties.maxClientTokens(),
            properties.clientWindow());
  }

  @Override
  public SecurityVerdict scan(String prompt, String document, String client) {
    String p = prompt == null ? "" : prompt;
    String d = document == null || document.isBlank() ? null : document;
    Injection injection = injection(p, d);
    Set<String> pii = new TreeSet<>(PiiDetector.detect(p));
    if (d != null) {
      pii.addAll(PiiDetector.detect(d));
    }
    boolean tokenAbuse = abuse.abusive(d == null ? p : p + "\n" + d, client);
    if (scans.incrementAndGet() % 1024 == 0) {
      abuse.evictIdle();
    }
    return new SecurityVerdict(
        injection.score(),
        injection.flag(),
        injection.source(),
        pii,
        tokenAbuse,
        blockReason(injection));
  }

  /** The prompt and the document are scored apart: a document is read line by line. */
  private Injection injection(String prompt, String document) {
    double promptScore = detector.detect(prompt, InputSource.PROMPT).score();
    double documentScore =
        document == null ? 0 : detector.detect(document, InputSource.DOCUMENT).score();
    double score = Math.max(promptScore, documentScore);
    boolean flag = score >= properties.injectionThreshold();
    String source = !flag ? null : promptScore >= documentScore ? "prompt" : "document";
    return new Injection(score, flag, source);
  }

  private String blockReason(Injection injection) {
    if (!injection.flag()
        || properties.injectionPolicy() != SecurityProperties.InjectionPolicy.BLOCK) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "prompt injection detected in the %s (score %.2f)",
        injection.source(),
        injection.score());
  }

  private record Injection(double score, boolean flag, String source) {}

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
