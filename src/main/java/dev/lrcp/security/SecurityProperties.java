package dev.lrcp.security;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Input security settings ({@code LRCP_SECURITY_*}).
 *
 * @param injectionPolicy {@code flag} records the finding; {@code block} also refuses the request
 *     (422 {@code blocked-by-policy})
 * @param injectionThreshold injection score at or above which input is flagged
 * @param maxRequestTokens estimated prompt-plus-document tokens above which one request is abuse
 * @param maxClientTokens estimated tokens one client may send within {@code clientWindow}
 * @param clientWindow sliding window for the per-client budget
 */
@Validated
@ConfigurationProperties("lrcp.security")
record SecurityProperties(
    @DefaultValue("flag") @NotNull InjectionPolicy injectionPolicy,
    @DefaultValue("" + SecurityDefaults.INJECTION_THRESHOLD) @DecimalMin("0") @DecimalMax("1")
        double injectionThreshold,
    @DefaultValue("16000") @Min(1) int maxRequestTokens,
    @DefaultValue("200000") @Min(1) long maxClientTokens,
    @DefaultValue("1m") Duration clientWindow) {

  enum InjectionPolicy {
    FLAG,
    BLOCK
  }
}
