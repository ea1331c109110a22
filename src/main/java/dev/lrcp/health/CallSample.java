package dev.lrcp.health;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.quality.AnswerScored;
import dev.lrcp.security.PromptScanned;

/**
 * One call joined with its quality and security results by prompt id.
 *
 * @param quality null when the answer was not scored (yet)
 * @param scan null when the input was not scanned
 */
public record CallSample(LlmCallCompleted call, AnswerScored quality, PromptScanned scan) {

  /**
   * Size bucket of the prompt, for attribution: {@code <1k}, {@code 1k-10k}, {@code >10k} tokens.
   */
  public String promptSizeBucket() {
    int input = call.usage().input();
    return input < 1_000 ? "<1k" : input <= 10_000 ? "1k-10k" : ">10k";
  }
}
