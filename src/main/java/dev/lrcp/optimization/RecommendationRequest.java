package dev.lrcp.optimization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** {@code POST /optimization/recommendations}: a person's recommendation, the original's body. */
record RecommendationRequest(
    @NotBlank @Size(max = 500) String title,
    @NotBlank @Size(max = 64) String category,
    @NotBlank @Size(max = 4000) String description,
    @NotNull Double estimatedSavingsPerRequest,
    @NotNull Double estimatedSavingsPercentage,
    @Pattern(regexp = "low|medium|high|critical", message = "must be low, medium, high or critical")
        String priority,
    @PositiveOrZero Double implementationCost) {}
