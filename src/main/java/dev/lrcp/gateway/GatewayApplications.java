package dev.lrcp.gateway;

import dev.lrcp.routing.Applications;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The gateway's {@code X-LRCP-Application} allow-list, among the applications calls may carry. */
@Component
class GatewayApplications implements Applications.Source {

  private final GatewayProperties properties;

  GatewayApplications(GatewayProperties properties) {
    this.properties = properties;
  }

  @Override
  public Set<String> applications() {
    return properties.applications();
  }
}
