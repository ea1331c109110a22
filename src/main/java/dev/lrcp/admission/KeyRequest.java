package dev.lrcp.admission;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A virtual key's policy, as {@code POST /admin/keys} creates it and {@code PUT /admin/keys/{id}}
 * replaces it; an absent limit is no limit, absent {@code models} allows all.
 */
record KeyRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) String owner,
    @Size(max = 128) String application,
    @Size(max = 64) List<@NotBlank String> models,
    @DecimalMin(value = "0", inclusive = false) Double budgetUsdPerDay,
    @DecimalMin(value = "0", inclusive = false) Double budgetUsdPerMonth,
    @Min(1) Long rpmLimit,
    @Min(1) Long tpmLimit,
    Instant expiresAt,
    @Size(max = 32) Map<String, String> tags) {

  KeyRequest {
    models = models == null ? List.of() : List.copyOf(models);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    application = application == null || application.isBlank() ? null : application.strip();
  }

  Limits limits() {
    return Limits.ofUsd(budgetUsdPerDay, budgetUsdPerMonth, rpmLimit, tpmLimit);
  }
}
