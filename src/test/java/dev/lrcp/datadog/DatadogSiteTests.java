package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatadogSiteTests {

  @Test
  void linksPointAtTheWebAppOfTheSite() {
    assertThat(new DatadogSite("datadoghq.com").appUrl()).isEqualTo("https://app.datadoghq.com");
    assertThat(new DatadogSite("datadoghq.eu").appUrl()).isEqualTo("https://app.datadoghq.eu");
    assertThat(new DatadogSite("us5.datadoghq.com").appUrl())
        .isEqualTo("https://us5.datadoghq.com");
    assertThat(new DatadogSite("http://127.0.0.1:8080/").appUrl())
        .isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void aRealSiteUsesTheApiSubdomainOverHttps() {
    var client = new DatadogSite("datadoghq.eu").client("k", "a");
    assertThat(client.getBasePath()).isEqualTo("https://api.datadoghq.eu");
  }
}
