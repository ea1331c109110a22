package dev.lrcp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ControlPlaneApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("datadog")) { // asset importer CLI, no web server
      System.exit(
          dev.lrcp.datadog.DatadogCommand.run(
              java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out));
    }
    SpringApplication.run(ControlPlaneApplication.class, args);
  }
}
