package dev.lrcp.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /incidents/create-from-insight}, the original's body: an insight (an anomaly, a cost
 * recommendation) turned into an incident whose runbook answers what failed, why, and what to do.
 */
record InsightIncidentRequest(
    @NotBlank @Size(max = 64) String insightType,
    @NotBlank @Size(max = 500) String title,
    @NotBlank @Size(max = 4000) String description,
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> recommendations,
    @Pattern(regexp = "SEV-[123]", message = "must be SEV-1, SEV-2 or SEV-3") String severity,
    @Size(max = 200) String metric) {

  /** The manual incident it becomes; the runbook keeps the original's three questions. */
  ManualIncidentRequest toIncident() {
    var runbook = new ArrayList<String>();
    runbook.add("What failed? " + description);
    runbook.add("Why did it fail? Reported by a " + insightType + " insight; see its evidence.");
    runbook.add("What should the engineer do next?");
    for (int i = 0; i < recommendations.size(); i++) {
      runbook.add((i + 1) + ". " + recommendations.get(i));
    }
    if (metric != null) {
      runbook.add("Metric: " + metric);
    }
    runbook.add("Insight type: " + insightType);
    return new ManualIncidentRequest(
        "Insight: " + insightType,
        title,
        String.join("\n", runbook),
        severity == null ? Severity.SEV_3.label() : severity,
        null,
        List.of("llm", "insight", insightType));
  }
}
