package dev.lrcp.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Injection, PII and token-abuse scanning of a ~500-character prompt (bench/signals/run.sh). */
public final class ScanBenchmark {

  static final String PROMPT =
      "You are helping our support team. Read the customer's message below and draft a short,"
          + " polite reply that answers the billing question, mentions the refund policy of 30"
          + " days, and suggests upgrading to the Pro plan if they need more storage. Keep the"
          + " reply under 120 words, avoid jargon, and do not promise anything we cannot deliver."
          + " Customer message: Hi, I was charged twice for my March invoice and I would like one"
          + " of the charges reversed. Also, is there a plan with more than 50 GB? Thanks, Sam.";

  private ScanBenchmark() {}

  public static void main(String[] args) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("clock", Clock.systemUTC());
    PolicySecurityScanner scanner =
        new PolicySecurityScanner(
            new SecurityProperties(
                SecurityProperties.InjectionPolicy.FLAG,
                0.5,
                16_000,
                200_000,
                Duration.ofMinutes(1)),
            beans.getBeanProvider(Clock.class));
    int[] i = {0};
    System.out.printf("prompt: %d characters%n", PROMPT.length());
    System.out.println(
        LatencySampler.measure(
            "security scan, 500-char prompt",
            500,
            2_000,
            () -> scanner.scan(PROMPT, null, "client-" + (i[0]++ % 50))));
  }
}
