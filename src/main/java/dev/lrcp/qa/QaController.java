package dev.lrcp.qa;

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
class QaController {

  private final Completions completions;

  QaController(Completions completions) {
    this.completions = completions;
  }

  @Operation(
      summary = "Answer a question, optionally from a document",
      description =
          "Scans the input, routes to a model, calls it and scores the answer's grounding in the"
              + " document. Upstream failures are 429/502/503/504 problems, never a 200.")
  @PostMapping(
      path = "/qa",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  CompletionResponse qa(@Valid @RequestBody QaRequest body, CallContext context) {
    return completions.complete(body.toCall(context));
  }
}
