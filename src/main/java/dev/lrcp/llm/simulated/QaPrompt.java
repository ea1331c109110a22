package dev.lrcp.llm.simulated;

import java.util.Optional;

/**
 * The original service's Q&A prompt, {@code "Q: <question>\nContext: <document or N/A>"}.
 *
 * @param document null when the caller sent none ({@code N/A})
 */
record QaPrompt(String question, String document) {

  private static final String CONTEXT = "\nContext: ";

  static Optional<QaPrompt> parse(String prompt) {
    if (!prompt.startsWith("Q: ")) {
      return Optional.empty();
    }
    int split = prompt.indexOf(CONTEXT);
    if (split < 0) {
      return Optional.of(new QaPrompt(prompt.substring(3), null));
    }
    String document = prompt.substring(split + CONTEXT.length());
    boolean none = document.isBlank() || document.strip().equals("N/A");
    return Optional.of(new QaPrompt(prompt.substring(3, split), none ? null : document));
  }
}
