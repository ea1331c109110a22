package dev.lrcp.quality;

import dev.lrcp.security.LatencySampler;
import java.time.Duration;

/** Grounding of an answer against a ~1,000-character document (bench/signals/run.sh). */
public final class GroundingBenchmark {

  static final String DOCUMENT =
      "Acme Cloud offers three plans. The Basic plan costs $12 per month and includes 50 GB of"
          + " storage, email support and one user. The Pro plan costs $29 per month and includes 1"
          + " TB of storage, single sign-on, priority support and up to ten users. The Enterprise"
          + " plan is priced per seat and adds audit logs, a 99.95% uptime commitment, a dedicated"
          + " account manager and data residency in the EU or the US. All plans can be cancelled at"
          + " any time. Refunds are available within 30 days of the first payment; after that,"
          + " unused months are credited to the account rather than refunded. Storage can be"
          + " extended on any plan in blocks of 100 GB for $4 per month. Files are encrypted at rest"
          + " with AES-256 and in transit with TLS 1.3. Accounts that stay unpaid for 60 days are"
          + " suspended, and their data is deleted after a further 30 days. Students and"
          + " registered charities receive a 40% discount on the Pro plan after verification.";
  static final String QUESTION =
      "How much does the Pro plan cost and how much storage does it have?";
  static final String ANSWER =
      "The Pro plan costs $29 per month. It includes 1 TB of storage, and you can add more in"
          + " 100 GB blocks for $4 a month.";

  private GroundingBenchmark() {}

  public static void main(String[] args) {
    GroundingAnswerScorer scorer =
        new GroundingAnswerScorer(
            MiniLmEmbedder.load(),
            new QualityProperties(0.5, 1, 16, 0.25, true, Duration.ofSeconds(20), true));
    System.out.printf(
        "document: %d characters, answer: %d characters%n", DOCUMENT.length(), ANSWER.length());
    System.out.println(
        LatencySampler.measure(
            "grounding, 1,000-char document",
            50,
            300,
            () -> scorer.evaluate(QUESTION, DOCUMENT, ANSWER)));
    System.out.println(
        LatencySampler.measure(
            "relevance only (no document)",
            50,
            300,
            () -> scorer.evaluate(QUESTION, null, ANSWER)));
  }
}
