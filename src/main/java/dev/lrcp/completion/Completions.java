package dev.lrcp.completion;

import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRequest;
import org.springframework.stereotype.Component;

/**
 * Runs the original's endpoints ({@code /qa}, {@code /reason}, {@code /stress}) through the call
 * flow and answers in their format: the answer plus its metadata.
 */
@Component
public class Completions {

  private final CallFlow flow;

  Completions(CallFlow flow) {
    this.flow = flow;
  }

  public CompletionResponse complete(CallRequest request) {
    var result = flow.run(request);
    return new CompletionResponse(
        result.response().text(), CompletionMetadata.of(result.record(), result.response()));
  }
}
