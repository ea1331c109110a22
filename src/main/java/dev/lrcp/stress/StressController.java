package dev.lrcp.stress;

import dev.lrcp.completion.CallContext;
import dev.lrcp.completion.CompletionResponse;
import dev.lrcp.completion.Completions;
import dev.lrcp.llm.Faults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "completions")
class StressController {

  private final Completions completions;

  StressController(Completions completions) {
    this.completions = completions;
  }

  @Operation(
      summary = "Send a long, repeated prompt (tokens and cost explode)",
      description =
          "Always long-context: the prompt is repeated `repetitions` times, so"
              + " simulate_long_context is implied and not applied a second time.")
  @PostMapping(
      path = "/stress",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  CompletionResponse stress(@Valid @RequestBody StressRequest body, CallContext context) {
    Faults f = context.faults();
    var withoutLongContext =
        context.withFaults(new Faults(f.latency(), f.retry(), f.badPrompt(), false));
    return completions.complete(body.toCall(withoutLongContext));
  }
}
