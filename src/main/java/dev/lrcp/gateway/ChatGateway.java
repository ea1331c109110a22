package dev.lrcp.gateway;

import dev.lrcp.admission.AdmissionRefusedException;
import dev.lrcp.flow.CacheDirective;
import dev.lrcp.flow.CallFailedException;
import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallResult;
import dev.lrcp.llm.CallTags;
import dev.lrcp.routing.ModelNotServedException;
import dev.lrcp.routing.UnknownModelException;
import dev.lrcp.routing.UnknownPolicyException;
import dev.lrcp.security.PolicyBlockedException;
import java.util.concurrent.CancellationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway call, whatever the transport: the OpenAI request becomes the flow's request, the flow
 * runs it like every other call (answers are scored in the background), and the answer or the
 * refusal goes back in the OpenAI shape through the {@link ChatReply}.
 */
@Component
class ChatGateway {

  private final CallFlow flow;
  private final ChatTranslator translator;
  private final JsonMapper json;

  ChatGateway(CallFlow flow, ChatTranslator translator, JsonMapper json) {
    this.flow = flow;
    this.translator = translator;
    this.json = json;
  }

  /**
   * @param cache what the caller asked of the response cache ({@code Cache-Control}, {@code
   *     X-LRCP-Cache})
   */
  void chat(ChatCompletionRequest body, CallTags tags, CacheDirective cache, ChatReply reply) {
    long created = translator.now();
    try {
      if (body.streaming()) {
        stream(body, tags, cache, reply, created);
        return;
      }
      CallResult result = flow.run(translator.toCall(body, tags, null, reply::header, cache));
      reply.requestId(result.promptId());
      reply.send(
          200,
          json.writeValueAsBytes(
              translator.toCompletion(result.promptId(), created, result.response())));
    } catch (GatewayException
        | CallFailedException
        | UnknownModelException
        | UnknownPolicyException
        | ModelNotServedException
        | PolicyBlockedException
        | AdmissionRefusedException e) {
      refuse(reply, e);
    }
  }

  /** An error before any answer was sent, in the OpenAI shape. */
  void fail(ChatReply reply, GatewayException e) {
    reply.send(e.status(), json.writeValueAsBytes(e.body()));
  }

  private void stream(
      ChatCompletionRequest body,
      CallTags tags,
      CacheDirective cache,
      ChatReply reply,
      long created) {
    var stream = new ChatStream(reply, json, created);
    CallResult result;
    try {
      result = flow.run(translator.toCall(body, tags, stream, reply::header, cache));
    } catch (CallFailedException e) {
      if (!stream.started()) {
        throw e; // nothing sent yet: the client gets a real status code
      }
      failInBand(stream, GatewayException.upstream(e.failure()));
      return;
    } catch (CancellationException e) {
      return; // the client went away and the upstream call was abandoned with it
    }
    try {
      stream.complete(result.response(), body.includeUsage());
    } catch (CancellationException e) {
      // the client left after the last token: the answer was produced and recorded
    }
  }

  private void refuse(ChatReply reply, RuntimeException e) {
    switch (e) {
      case CallFailedException failed -> reply.requestId(failed.promptId());
      case PolicyBlockedException blocked -> reply.requestId(blocked.promptId());
      default -> {}
    }
    fail(reply, GatewayException.of(e));
  }

  private static void failInBand(ChatStream stream, GatewayException e) {
    try {
      stream.fail(e);
    } catch (CancellationException gone) {
      // nobody left to tell
    }
  }
}
