package dev.lrcp.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /incidents/create}, the original's body: what monitor fired, the alert text and the
 * runbook (Markdown, one step per line), with an optional severity and tags.
 */
record ManualIncidentRequest(
    @NotBlank @Size(max = 200) String monitorName,
    @NotBlank @Size(max = 2000) String alertMessage,
    @NotBlank @Size(max = 20000) String runbook,
    @Pattern(regexp = "SEV-[123]", message = "must be SEV-1, SEV-2 or SEV-3") String severity,
    Long monitorId,
    @Size(max = 20) List<@NotBlank @Size(max = 200) String> tags) {

  String severityOrDefault() {
    return severity == null ? Severity.SEV_2.label() : severity;
  }
}
