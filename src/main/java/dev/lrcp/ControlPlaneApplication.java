package dev.lrcp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ControlPlaneApplication {

  public static void main(String[] args) {
    SpringApplication.run(ControlPlaneApplication.class, args);
  }
}
