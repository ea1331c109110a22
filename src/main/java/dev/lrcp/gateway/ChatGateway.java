package dev.lrcp.gateway;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.AnswerScorer.ScoringInput;
import dev.lrcp.security.SecurityScanner;
import dev.lrcp.security.SecurityVerdict;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The signals of one gateway call, in the same order as {@code /qa}: scan the input before the
 * model is called, call the decorated port (which publishes {@code LlmCallCompleted}), and score
 * the answer off the response path.
 */
@Component
class ChatGateway {

  private final LlmClient llm;
  private final SecurityScanner scanner;
  private final AnswerScorer scorer;

  ChatGateway(LlmClient llm, SecurityScanner scanner, AnswerScorer scorer) {
    this.llm = llm;
    this.scanner = scanner;
    this.scorer = scorer;
  }

  /** Throws {@link GatewayException} when the security policy blocks the input. */
  LlmResponse generate(LlmRequest request) {
    SecurityVerdict verdict =
        scanner.scan(
            request.promptId(),
            request.endpoint(),
            userText(request),
            null,
            request.tags().client());
    if (verdict.blocked()) {
      throw GatewayException.blocked(verdict.blockReason());
    }
    return llm.generate(request);
  }

  /** Hands the answer to the scorer, which works on its own thread. */
  void scoreLater(LlmRequest request, LlmResponse response) {
    scorer.scoreLater(
        new ScoringInput(
            request.promptId(),
            request.endpoint(),
            response.model(),
            response.provider(),
            lastUserMessage(request),
            null,
            response.text()));
  }

  /** What the caller typed; system prompts are the application's, not the user's. */
  private static String userText(LlmRequest request) {
    return request.messages().stream()
        .filter(m -> m.role() == Message.Role.USER)
        .map(Message::content)
        .collect(Collectors.joining("\n"));
  }

  private static String lastUserMessage(LlmRequest request) {
    return request.messages().reversed().stream()
        .filter(m -> m.role() == Message.Role.USER)
        .map(Message::content)
        .findFirst()
        .orElse("");
  }
}
