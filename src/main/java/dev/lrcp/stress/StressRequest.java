package dev.lrcp.stress;

import dev.lrcp.completion.CallContext;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.quality.VisibleText;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /stress}; limits and the default of 10 repetitions are the original's. */
record StressRequest(
    @Schema(
            description = "The prompt to repeat",
            example = "Summarize production incidents.",
            requiredMode = RequiredMode.REQUIRED,
            minLength = 1)
        @NotNull
        @VisibleText
        @Size(max = 1000)
        String prompt,
    @Schema(
            description = "How many times the prompt is repeated",
            example = "50",
            defaultValue = "10")
        @Min(1)
        @Max(100)
        Integer repetitions,
    @Schema(
            description = "Model to use; must be in the model catalog. Default: routing setting",
            example = "gemini-2.5-flash",
            nullable = true)
        @Size(max = 100)
        String model) {

  static final int DEFAULT_REPETITIONS = 10;

  /**
   * The long context is real: the prompt is repeated (the original's {@code " " + prompt} per
   * repetition). The {@code simulate_long_context} fault is therefore not set again here, which
   * would lengthen an already long prompt a second time.
   */
  CallRequest toCall(CallContext context) {
    int times = repetitions == null ? DEFAULT_REPETITIONS : repetitions;
    String longPrompt = (" " + prompt).repeat(times);
    return context.request("/stress", "stress", longPrompt, null, longPrompt, model);
  }
}
