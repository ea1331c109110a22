package dev.lrcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.flow.CallFixtures;
import dev.lrcp.flow.CallRequest.Scoring;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.TokenUsage;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanStageTests {

  final ArrayList<String> scanned = new ArrayList<>();
  final LlmResponse answer = LlmResponse.of("a", "m", "fake", TokenUsage.ZERO, "STOP");

  ScanStage stage(String blockReason) {
    return new ScanStage(
        (prompt, document, client) -> {
          scanned.add(prompt + "|" + document + "|" + client);
          return new SecurityVerdict(0.9, true, "document", Set.of("email"), true, blockReason);
        });
  }

  @Test
  void theQuestionDocumentAndCallerAreScannedAndTheVerdictKeptForTheRecord() {
    var call = CallFixtures.call(CallFixtures.qa(null, Scoring.NOW));

    var response = stage(null).apply(call, c -> answer);

    assertThat(response).isSameAs(answer);
    assertThat(scanned).containsExactly("What?|Doc.|key:abc");
    assertThat(call.security().injectionSource()).isEqualTo("document");
    assertThat(call.security().piiTypes()).containsExactly("email");
    assertThat(call.security().tokenAbuse()).isTrue();
    assertThat(call.security().blocked()).isFalse();
  }

  @Test
  void aBlockedCallNeverProceedsAndItsRefusalNamesTheCall() {
    var call = CallFixtures.call(CallFixtures.qa(null, Scoring.NOW));

    assertThatThrownBy(
            () ->
                stage("indirect_injection")
                    .apply(
                        call,
                        c -> {
                          throw new AssertionError("must not proceed");
                        }))
        .isInstanceOfSatisfying(
            PolicyBlockedException.class,
            e -> {
              assertThat(e.promptId()).isEqualTo(call.promptId());
              assertThat(e.reason()).isEqualTo("indirect_injection");
            });
    assertThat(call.security().blocked()).isTrue();
  }
}
