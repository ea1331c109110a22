package dev.lrcp.routing;

import dev.lrcp.llm.CallTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runtime routing overrides: switch a scope's traffic to a model now, for a while, audited. */
@RestController
@RequestMapping("/routing/overrides")
@Tag(name = "routing")
class OverrideController {

  static final int HISTORY = 100;

  private final Overrides overrides;

  OverrideController(Overrides overrides) {
    this.overrides = overrides;
  }

  /**
   * Body of {@code POST /routing/overrides}.
   *
   * @param ttl ISO-8601 duration, e.g. {@code PT30M}
   */
  record OverrideRequest(ScopeBody scope, String model, String ttl, String reason) {
    record ScopeBody(String endpoint, String application) {}
  }

  @Operation(
      summary = "Switch a scope's traffic to a model now, until the ttl elapses",
      description =
          "scope names an endpoint (/qa, /reason, /stress, /v1/chat/completions), an application"
              + " (X-LRCP-Application) or both. Applies on every replica within a second, wins over"
              + " the scope's policy and the request's model, and expires by itself.")
  @PostMapping
  ResponseEntity<RoutingOverride> create(@RequestBody OverrideRequest body, CallTags caller) {
    var scope = body.scope() == null ? new OverrideRequest.ScopeBody(null, null) : body.scope();
    RoutingOverride created =
        overrides.create(
            new NewOverride(
                blankToNull(scope.endpoint()),
                blankToNull(scope.application()),
                body.model(),
                ttl(body.ttl()),
                body.reason(),
                caller.client(),
                "api"));
    return ResponseEntity.created(URI.create("/routing/overrides/" + created.id())).body(created);
  }

  @Operation(summary = "Active overrides with their audit trail; all=true adds the last 100 ended")
  @GetMapping
  Map<String, List<RoutingOverride>> list(@RequestParam(defaultValue = "false") boolean all) {
    return Map.of("overrides", all ? overrides.recent(HISTORY) : overrides.active());
  }

  @GetMapping("/{id}")
  RoutingOverride get(@PathVariable String id) {
    return overrides.withAudit(id).orElseThrow(() -> new OverrideNotFoundException(id));
  }

  @Operation(summary = "End an active override now; traffic returns to the scope's policy")
  @DeleteMapping("/{id}")
  RoutingOverride remove(
      @PathVariable String id,
      @RequestParam(defaultValue = "removed by request") String reason,
      CallTags caller) {
    return overrides.remove(id, caller.client(), reason);
  }

  private static Duration ttl(String ttl) {
    if (ttl == null || ttl.isBlank()) {
      throw RoutingRequestException.invalid("ttl", "required, an ISO-8601 duration such as PT30M");
    }
    try {
      return Duration.parse(ttl.strip());
    } catch (DateTimeParseException e) {
      throw RoutingRequestException.invalid(
          "ttl", "'" + ttl + "' is not an ISO-8601 duration such as PT30M");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
