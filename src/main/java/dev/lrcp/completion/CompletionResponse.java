package dev.lrcp.completion;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a successful completion, compatible with the original: answer plus metadata. */
public record CompletionResponse(
    @Schema(
            description = "The model's answer (or the safety-block notice when safety_block)",
            example = "Datadog is an observability platform for logs, metrics, traces, and more.")
        String answer,
    CompletionMetadata metadata) {}
