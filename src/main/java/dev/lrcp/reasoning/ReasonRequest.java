package dev.lrcp.reasoning;

import dev.lrcp.completion.CallContext;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.quality.VisibleText;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /reason}; limits are the original's. */
record ReasonRequest(
    @Schema(
            description = "The prompt, sent to the model unchanged",
            example = "Explain the golden signals of SRE and why they matter for LLMs.",
            requiredMode = RequiredMode.REQUIRED,
            minLength = 1)
        @NotNull
        @VisibleText
        @Size(max = 5000)
        String prompt,
    @Schema(
            description = "Model to use; must be in the model catalog. Default: routing setting",
            example = "gemini-2.5-pro",
            nullable = true)
        @Size(max = 100)
        String model) {

  CallRequest toCall(CallContext context) {
    return context.request("/reason", "reason", prompt, null, prompt, model);
  }
}
