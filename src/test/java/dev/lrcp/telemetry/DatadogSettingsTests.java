package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Datadog's standard variable names reach our settings, and unified tags are sent once. */
class DatadogSettingsTests {

  private static SystemEnvironmentPropertySource env(Map<String, Object> variables) {
    return new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
  }

  private static DatadogProperties bind(Map<String, Object> variables) {
    var sources = new MutablePropertySources();
    sources.addFirst(env(variables));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate("dd", Bindable.of(DatadogProperties.class));
  }

  @Test
  void standardDatadogVariablesBind() {
    var dd =
        bind(
            Map.of(
                "DD_AGENT_HOST", "datadog-agent",
                "DD_DOGSTATSD_PORT", "18125",
                "DD_SERVICE", "svc",
                "DD_ENV", "prod",
                "DD_VERSION", "2.0.1"));

    assertThat(dd).isEqualTo(new DatadogProperties("datadog-agent", 18125, "svc", "prod", "2.0.1"));
  }

  @Test
  void defaultsWithoutVariables() {
    var dd = bind(Map.of());

    assertThat(dd.agentHost()).isEqualTo("localhost");
    assertThat(dd.dogstatsdPort()).isEqualTo(8125);
    assertThat(dd.service()).isEqualTo("llm-reliability-control-plane");
  }

  @Test
  void tagsComeFromSettingsWhenTheVariablesAreAbsent() {
    var dd = new DatadogProperties("localhost", 8125, "svc", "staging", "1.2");

    assertThat(UnifiedServiceTags.forClient(dd, env(Map.of())))
        .containsExactly("service:svc", "env:staging", "version:1.2");
  }

  @Test
  void aTagTheDogStatsdClientAddsFromItsVariableIsNotAddedAgain() {
    var dd = new DatadogProperties("localhost", 8125, "svc", "prod", "1.2");

    assertThat(UnifiedServiceTags.forClient(dd, env(Map.of("DD_ENV", "prod"))))
        .containsExactly("service:svc", "version:1.2");
  }

  @Test
  void telemetryDefaults() {
    var telemetry =
        new Binder(List.of())
            .bindOrCreate("lrcp.telemetry", Bindable.of(TelemetryProperties.class));

    assertThat(telemetry.captureText()).isTrue();
    assertThat(telemetry.logText()).isFalse();
  }

  @Test
  void unrelatedSourcesDoNotLeakIn() {
    var sources = new MutablePropertySources();
    sources.addFirst(new MapPropertySource("other", Map.of("dd.env", "qa")));
    var dd =
        new Binder(ConfigurationPropertySources.from(sources))
            .bindOrCreate("dd", Bindable.of(DatadogProperties.class));
    assertThat(dd.env()).isEqualTo("qa");
  }
}
