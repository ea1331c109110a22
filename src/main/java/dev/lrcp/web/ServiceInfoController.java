package dev.lrcp.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /} and {@code GET /health}, kept compatible with the original service. */
@RestController
@Tag(name = "service")
class ServiceInfoController {

  private final ServiceInfo info;

  /**
   * Reads two values owned elsewhere (the packaged version, the provider setting) from the
   * environment rather than their beans, so this controller, which every MVC test slice loads,
   * needs no bean from another module.
   */
  ServiceInfoController(Environment environment) {
    this.info =
        new ServiceInfo(
            "LLM Reliability Control Plane – see /docs for API schema.",
            "llm-reliability-control-plane",
            environment.getProperty("spring.application.version", "dev"),
            environment
                .getProperty("lrcp.provider", "simulated")
                .toLowerCase(java.util.Locale.ROOT),
            Map.of(
                "docs", "/docs",
                "openapi", "/openapi.json",
                "theater", "/theater",
                "health", "/health"));
  }

  @Operation(summary = "Service information and links")
  @GetMapping("/")
  ServiceInfo root() {
    return info;
  }

  @Operation(summary = "Liveness without dependency checks (readiness: /actuator/health)")
  @GetMapping("/health")
  Health health() {
    return Health.OK;
  }

  record ServiceInfo(
      @Schema(example = "LLM Reliability Control Plane – see /docs for API schema.") String message,
      @Schema(example = "llm-reliability-control-plane") String name,
      @Schema(example = "0.1.0") String version,
      @Schema(example = "simulated") String provider,
      Map<String, String> links) {}

  record Health(@Schema(example = "ok") String status) {
    static final Health OK = new Health("ok");
  }
}
