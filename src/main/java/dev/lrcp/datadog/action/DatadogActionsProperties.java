package dev.lrcp.datadog.action;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code /datadog/*} actions ({@code LRCP_DATADOG_*}); keys and site are Datadog's
 * own {@code DD_API_KEY}, {@code DD_APP_KEY}, {@code DD_SITE}.
 *
 * @param apiUrl one base URL for every Datadog API host (API, On-Call, logs intake), for a proxy or
 *     a local stub; unset: the hosts of {@code DD_SITE}
 * @param autoPageTeam an On-Call team handle paged automatically when a SEV-1 incident opens;
 *     unset: no automatic paging
 */
@ConfigurationProperties("lrcp.datadog")
record DatadogActionsProperties(URI apiUrl, String autoPageTeam) {

  boolean autoPaging() {
    return autoPageTeam != null && !autoPageTeam.isBlank();
  }
}
