package dev.lrcp.gateway;

import dev.lrcp.llm.CallTags;
import dev.lrcp.routing.Applications;
import org.springframework.stereotype.Component;

/**
 * A gateway call's tags from its headers and its caller, the same on both transports: the {@code
 * X-LRCP-Application} header counts only for a known application (this gateway's allow-list or one
 * with a routing policy), and a virtual key's own application wins over it.
 */
@Component
class CallerTags {

  private final GatewayProperties properties;
  private final Applications applications;

  CallerTags(GatewayProperties properties, Applications applications) {
    this.properties = properties;
    this.applications = applications;
  }

  CallTags of(String application, String feature, CallTags caller) {
    return properties.tags(applications.accept(application), feature, caller);
  }
}
