package dev.lrcp.gateway;

import dev.lrcp.llm.CallTags;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings ({@code LRCP_GATEWAY_*}). The tag allow-lists keep caller-chosen header values
 * from becoming unbounded metric tags: a value outside the list tags nothing (an application with a
 * routing policy is accepted too).
 *
 * @param applications accepted values of {@code X-LRCP-Application}; empty accepts none
 * @param features accepted values of {@code X-LRCP-Feature}; empty accepts none
 * @param port the data plane's port ({@link DataPlaneServer}); 0 picks a free one, -1 turns the
 *     data plane off (the main port still serves {@code /v1})
 * @param address the data plane's bind address; empty binds every interface, like the main port
 * @param ioThreads event-loop threads of the data plane; 0 means one per CPU
 * @param idleTimeout a data-plane connection with no call in flight is closed after this long
 */
@Validated
@ConfigurationProperties("lrcp.gateway")
record GatewayProperties(
    @DefaultValue @Size(max = 64) Set<String> applications,
    @DefaultValue @Size(max = 64) Set<String> features,
    @DefaultValue("8081") @Min(-1) @Max(65535) int port,
    @DefaultValue("") String address,
    @DefaultValue("0") @Min(0) @Max(256) int ioThreads,
    @DefaultValue("60s") Duration idleTimeout) {

  static final String APPLICATION_HEADER = "X-LRCP-Application";
  static final String FEATURE_HEADER = "X-LRCP-Feature";
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  static final String CACHE_HEADER = "X-LRCP-Cache";
  static final String EVENT_STREAM = "text/event-stream;charset=UTF-8";

  GatewayProperties {
    applications = Set.copyOf(applications);
    features = Set.copyOf(features);
    address = address == null ? "" : address.strip();
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("lrcp.gateway.idle-timeout must be positive");
    }
  }

  /**
   * The call's tags from its headers and its caller: a virtual key's application wins over the
   * header (the key's is set by an administrator, the header by anyone holding the key).
   *
   * @param application the header's value once vetted by {@link
   *     dev.lrcp.routing.Applications#accept} (this allow-list and the applications with a routing
   *     policy), else null
   */
  CallTags tags(String application, String feature, CallTags caller) {
    return new CallTags(
        caller.application() != null ? caller.application() : application,
        feature != null && features.contains(feature) ? feature : null,
        caller.client(),
        caller.key());
  }

  boolean dataPlaneEnabled() {
    return port >= 0;
  }
}
