package dev.lrcp;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Binds settings the way the running service does from environment variables (Spring's real
 * system-environment source, with a map in place of the process environment), so tests prove the
 * documented {@code LRCP_*} names work.
 */
public final class EnvironmentVariables {

  private EnvironmentVariables() {}

  public static <T> T bind(String prefix, Class<T> type, Map<String, ?> variables) {
    @SuppressWarnings("unchecked")
    var source =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            (Map<String, Object>) variables);
    return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate(prefix, type);
  }
}
