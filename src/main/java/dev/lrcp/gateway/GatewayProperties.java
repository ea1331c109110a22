package dev.lrcp.gateway;

import dev.lrcp.llm.CallTags;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings ({@code LRCP_GATEWAY_*}). The tag allow-lists keep caller-chosen header values
 * from becoming unbounded metric tags: a value outside the list tags nothing.
 *
 * @param applications accepted values of {@code X-LRCP-Application}; empty accepts none
 * @param features accepted values of {@code X-LRCP-Feature}; empty accepts none
 */
@Validated
@ConfigurationProperties("lrcp.gateway")
record GatewayProperties(
    @DefaultValue @Size(max = 64) Set<String> applications,
    @DefaultValue @Size(max = 64) Set<String> features) {

  GatewayProperties {
    applications = Set.copyOf(applications);
    features = Set.copyOf(features);
  }

  CallTags tags(String application, String feature, String client) {
    return new CallTags(
        application != null && applications.contains(application) ? application : null,
        feature != null && features.contains(feature) ? feature : null,
        client);
  }
}
