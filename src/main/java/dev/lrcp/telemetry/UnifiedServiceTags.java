package dev.lrcp.telemetry;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertySource;

/**
 * Works out the constant tags {@code service}, {@code env} and {@code version} so each appears
 * exactly once. The DogStatsD client itself adds {@code service:}/{@code env:}/{@code version:}
 * from the {@code DD_SERVICE}/{@code DD_ENV}/{@code DD_VERSION} environment variables and cannot be
 * told not to (the original project sent {@code env} twice because of it), so a tag is passed only
 * when its variable is absent from the process environment.
 */
final class UnifiedServiceTags {

  private static final Logger log = LoggerFactory.getLogger(UnifiedServiceTags.class);

  private UnifiedServiceTags() {}

  /**
   * @param systemEnvironment Spring's view of the process environment, or null when there is none
   */
  static List<String> forClient(DatadogProperties dd, PropertySource<?> systemEnvironment) {
    var tags = new ArrayList<String>(3);
    add(tags, "service", dd.service(), "DD_SERVICE", systemEnvironment);
    add(tags, "env", dd.env(), "DD_ENV", systemEnvironment);
    add(tags, "version", dd.version(), "DD_VERSION", systemEnvironment);
    return tags;
  }

  private static void add(
      List<String> tags, String key, String value, String variable, PropertySource<?> env) {
    Object fromEnv = env == null ? null : env.getProperty(variable);
    if (fromEnv != null && !fromEnv.toString().isBlank()) {
      if (!fromEnv.toString().equals(value)) {
        log.warn(
            "{} is set in the environment; DogStatsD tags use it, not the configured {}",
            variable,
            key);
      }
      return;
    }
    if (value != null && !value.isBlank()) {
      tags.add(key + ":" + Tags.sanitize(value));
    }
  }
}
