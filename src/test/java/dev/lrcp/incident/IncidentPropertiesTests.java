package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.EnvironmentVariables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule thresholds are one map over the rules' defaults, set and switched off by variable. */
class IncidentPropertiesTests {

  static IncidentProperties bind(Map<String, Object> env) {
    return EnvironmentVariables.bind("lrcp.incidents", IncidentProperties.class, env);
  }

  @Test
  void everyRuleRunsWithItsDocumentedDefaultUnlessConfigured() {
    var defaults = bind(Map.of());

    assertThat(defaults.threshold(Rule.LATENCY_SLO)).isEqualTo(3000);
    assertThat(defaults.threshold(Rule.ERROR_RATE)).isEqualTo(0.05);
    assertThat(defaults.threshold(Rule.COST_SPIKE)).isEqualTo(3.5);
    assertThat(defaults.enabled(Rule.TOKEN_ABUSE)).isTrue();
    assertThat(defaults.enabled(Rule.MANUAL)).as("never evaluated").isFalse();
  }

  @Test
  void aThresholdVariableOverridesOneRuleAndADisabledListSwitchesRulesOff() {
    var configured =
        bind(
            Map.of(
                "LRCP_INCIDENTS_THRESHOLDS_LATENCY_SLO", "2500",
                "LRCP_INCIDENTS_THRESHOLDS_ERROR_RATE", "0.02",
                "LRCP_INCIDENTS_DISABLED", "cost_spike,token_abuse"));

    assertThat(configured.threshold(Rule.LATENCY_SLO)).isEqualTo(2500);
    assertThat(configured.threshold(Rule.ERROR_RATE)).isEqualTo(0.02);
    assertThat(configured.threshold(Rule.RETRY_STORM)).isEqualTo(0.5);
    assertThat(configured.enabled(Rule.COST_SPIKE)).isFalse();
    assertThat(configured.enabled(Rule.TOKEN_ABUSE)).isFalse();
    assertThat(configured.enabled(Rule.LATENCY_SLO)).isTrue();
  }
}
