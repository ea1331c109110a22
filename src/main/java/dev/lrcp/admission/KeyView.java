package dev.lrcp.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A virtual key as the admin API shows it. {@code key} is present only in the answer to creation
 * and rotation: the secret is never stored, so it cannot be shown again.
 *
 * @param status {@code active}, {@code revoked} or {@code expired}
 */
record KeyView(
    String id,
    @JsonInclude(JsonInclude.Include.NON_NULL) String key,
    String name,
    String owner,
    String application,
    List<String> models,
    Double budgetUsdPerDay,
    Double budgetUsdPerMonth,
    Long rpmLimit,
    Long tpmLimit,
    Instant expiresAt,
    Map<String, String> tags,
    String status,
    Instant createdAt,
    Instant updatedAt,
    Instant revokedAt) {

  static KeyView of(VirtualKey k, String secret, Instant now) {
    String status = k.revoked() ? "revoked" : k.expired(now) ? "expired" : "active";
    return new KeyView(
        k.id(),
        secret,
        k.name(),
        k.owner(),
        k.application(),
        k.models().stream().sorted().toList(),
        Money.usd(k.limits().budgetDayNusd()),
        Money.usd(k.limits().budgetMonthNusd()),
        k.limits().rpm(),
        k.limits().tpm(),
        k.expiresAt(),
        k.tags(),
        status,
        k.createdAt(),
        k.updatedAt(),
        k.revokedAt());
  }
}
