package dev.lrcp.qa;

import dev.lrcp.completion.CallContext;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.quality.VisibleText;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /qa}; limits are the original's. */
record QaRequest(
    @Schema(
            description = "The question to answer",
            example = "What is Datadog?",
            requiredMode = RequiredMode.REQUIRED,
            minLength = 1)
        @NotNull
        @VisibleText
        @Size(max = 1000)
        String question,
    @Schema(
            description = "Context to answer from; answers are scored for grounding against it",
            example = "Datadog is an observability platform for logs, metrics, traces, and more.",
            nullable = true)
        @Size(max = 10_000)
        String document,
    @Schema(
            description = "Model to use; must be in the model catalog. Default: routing setting",
            example = "gemini-2.5-flash",
            nullable = true)
        @Size(max = 100)
        String model) {

  /** The original's prompt format, which the simulated provider parses. */
  CallRequest toCall(CallContext context) {
    boolean hasDocument = document != null && !document.isEmpty();
    String prompt = "Q: " + question + "\nContext: " + (hasDocument ? document : "N/A");
    return context.request("/qa", "qa", question, hasDocument ? document : null, prompt, model);
  }
}
