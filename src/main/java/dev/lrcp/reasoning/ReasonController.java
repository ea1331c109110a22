package dev.lrcp.reasoning;

import dev.lrcp.completion.CallContext;
import dev.lrcp.completion.CompletionResponse;
import dev.lrcp.completion.Completions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "completions")
class ReasonController {

  private final Completions completions;

  ReasonController(Completions completions) {
    this.completions = completions;
  }

  @Operation(
      summary = "Run a reasoning prompt",
      description =
          "Routed to the reasoning model by default (lrcp.routing.models.reason). Upstream"
              + " failures are 429/502/503/504 problems, never a 200.")
  @PostMapping(
      path = "/reason",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  CompletionResponse reason(@Valid @RequestBody ReasonRequest body, CallContext context) {
    return completions.complete(body.toCall(context));
  }
}
