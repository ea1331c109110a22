package dev.lrcp.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.llm.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptShapeTests {

  @Test
  void aPromptRepeatedFiftyTimesIsAlmostAllRepeatedContent() {
    String prompt =
        " Summarize the last 100 production incidents and propose improvements.".repeat(50);

    assertThat(PromptShape.of(request(prompt)).repeatedShare()).isBetween(0.97, 0.99);
  }

  @Test
  void aPromptWithoutRepeatsHasNone() {
    String prompt =
        "Explain the golden signals of SRE. Why do they matter for LLMs? Keep it short.";

    assertThat(PromptShape.of(request(prompt)).repeatedShare()).isZero();
  }

  @Test
  void theHashIgnoresWhitespaceButNotWords() {
    var a = PromptShape.of(request("What is  an SLO?\n"));
    var b = PromptShape.of(request(" What is an SLO?"));
    var c = PromptShape.of(request("What is an SLA?"));

    assertThat(a.hash()).isEqualTo(b.hash()).hasSize(32).isNotEqualTo(c.hash());
  }

  private static CallRequest request(String prompt) {
    return new CallRequest(
        "/reason",
        "reason",
        prompt,
        null,
        List.of(Message.user(prompt)),
        null,
        null,
        null,
        null,
        null,
        CallRequest.Scoring.NOW,
        null,
        null);
  }
}
