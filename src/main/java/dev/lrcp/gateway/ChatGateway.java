package dev.lrcp.gateway;

import dev.lrcp.gateway.ChatCompletionChunk.StreamHeader;
import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.AnswerScorer.ScoringInput;
import dev.lrcp.security.SecurityScanner;
import dev.lrcp.security.SecurityVerdict;
import java.util.concurrent.CancellationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway call, whatever the transport, with the signals in the same order as {@code /qa}:
 * validate, scan the input before the model is called, call the decorated port (which publishes
 * {@code LlmCallCompleted}), answer, and hand the answer to the scorer off the response path. Every
 * failure leaves in the OpenAI error shape through the {@link ChatReply}.
 */
@Component
class ChatGateway {

  private final LlmClient llm;
  private final SecurityScanner scanner;
  private final AnswerScorer scorer;
  private final ChatTranslator translator;
  private final JsonMapper json;

  ChatGateway(
      LlmClient llm,
      SecurityScanner scanner,
      AnswerScorer scorer,
      ChatTranslator translator,
      JsonMapper json) {
    this.llm = llm;
    this.scanner = scanner;
    this.scorer = scorer;
    this.translator = translator;
    this.json = json;
  }

  void chat(ChatCompletionRequest body, String promptId, CallTags tags, ChatReply reply) {
    long created = translator.now();
    try {
      if (body.streaming()) {
        var header = new StreamHeader(ChatTranslator.chatId(promptId), created, body.model());
        var stream = new ChatStream(reply, json, header);
        stream(translator.toLlm(body, promptId, tags, stream), stream, body.includeUsage());
        return;
      }
      LlmRequest request = translator.toLlm(body, promptId, tags, null);
      LlmResponse answer = generate(request);
      reply.send(200, json.writeValueAsBytes(translator.toCompletion(promptId, created, answer)));
      scoreLater(request, answer);
    } catch (GatewayException e) {
      fail(reply, e);
    } catch (LlmException e) {
      fail(reply, GatewayException.upstream(e));
    }
  }

  /** An error before any answer was sent, in the OpenAI shape. */
  void fail(ChatReply reply, GatewayException e) {
    reply.send(e.status(), json.writeValueAsBytes(e.body()));
  }

  private void stream(LlmRequest request, ChatStream stream, boolean includeUsage) {
    LlmResponse answer;
    try {
      answer = generate(request);
    } catch (LlmException e) {
      if (!stream.started()) {
        throw e; // nothing sent yet: the client gets a real status code
      }
      failInBand(stream, e);
      return;
    } catch (CancellationException e) {
      return; // the client went away and the upstream call was abandoned with it
    }
    try {
      stream.complete(answer, includeUsage);
    } catch (CancellationException e) {
      // the client left after the last token: the answer was produced and still gets scored
    }
    scoreLater(request, answer);
  }

  private static void failInBand(ChatStream stream, LlmException e) {
    try {
      stream.fail(GatewayException.upstream(e));
    } catch (CancellationException gone) {
      // nobody left to tell
    }
  }

  /** Throws {@link GatewayException} when the security policy blocks the input. */
  private LlmResponse generate(LlmRequest request) {
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

  private void scoreLater(LlmRequest request, LlmResponse response) {
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
    var text = new StringBuilder();
    for (Message m : request.messages()) {
      if (m.role() == Message.Role.USER) {
        text.append(text.isEmpty() ? "" : "\n").append(m.content());
      }
    }
    return text.toString();
  }

  private static String lastUserMessage(LlmRequest request) {
    for (Message m : request.messages().reversed()) {
      if (m.role() == Message.Role.USER) {
        return m.content();
      }
    }
    return "";
  }
}
