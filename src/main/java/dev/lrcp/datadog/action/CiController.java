package dev.lrcp.datadog.action;

import static dev.lrcp.datadog.action.DatadogCall.call;

import com.datadog.api.client.v2.api.DoraMetricsApi;
import com.datadog.api.client.v2.model.DORADeploymentRequest;
import com.datadog.api.client.v2.model.DORADeploymentRequestAttributes;
import com.datadog.api.client.v2.model.DORADeploymentRequestData;
import com.datadog.api.client.v2.model.DORAGitInfo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deployments for DORA Metrics; single test results have no public intake. */
@RestController
@RequestMapping("/datadog/ci")
class CiController {

  private final DatadogApis apis;
  private final Clock clock;

  CiController(DatadogApis apis, Clock clock) {
    this.apis = apis;
    this.clock = clock;
  }

  /**
   * @param startedAt when the deployment started; default: {@code finished_at}
   * @param finishedAt when it finished; default: now
   */
  record DeploymentRequest(
      @Size(max = 200) String service,
      @NotBlank @Size(max = 200) String version,
      @Size(max = 200) String environment,
      @Pattern(regexp = "^[0-9a-f]{7,40}$", message = "must be a git commit sha") String gitCommit,
      @Pattern(regexp = "^(https?|git)://\\S+$|^git@\\S+$", message = "must be a repository URL")
          String repositoryUrl,
      @Size(max = 200) String gitBranch,
      Instant startedAt,
      Instant finishedAt) {}

  record Recorded(String deploymentId, String service, String version, String environment) {}

  @Operation(summary = "Record a deployment for DORA Metrics (same deployment twice: one record)")
  @PostMapping("/deployment")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Recorded deployment(@Valid @RequestBody DeploymentRequest request) {
    var api = new DoraMetricsApi(apis.api());
    var account = apis.account();
    String service = request.service() == null ? account.service() : request.service();
    String env = request.environment() == null ? account.env() : request.environment();
    Instant finished = request.finishedAt() == null ? clock.instant() : request.finishedAt();
    Instant started = request.startedAt() == null ? finished : request.startedAt();
    if (started.isAfter(finished)) {
      throw DatadogFailure.unprocessable("started_at", "must not be after finished_at");
    }
    String id = deploymentId(service, env, request.version(), started);
    var attributes =
        new DORADeploymentRequestAttributes()
            .id(id)
            .service(service)
            .env(env)
            .version(request.version())
            .startedAt(nanos(started))
            .finishedAt(nanos(finished));
    if (request.gitCommit() != null && request.repositoryUrl() != null) {
      attributes.git(
          new DORAGitInfo().commitSha(request.gitCommit()).repositoryUrl(request.repositoryUrl()));
    }
    if (request.gitBranch() != null) {
      attributes.customTags(List.of("git_branch:" + request.gitBranch()));
    }
    String recorded =
        call(
            "record the deployment",
            () ->
                api.createDORADeployment(
                        new DORADeploymentRequest()
                            .data(new DORADeploymentRequestData().attributes(attributes)))
                    .getData()
                    .getId());
    return new Recorded(recorded, service, request.version(), env);
  }

  @Operation(
      summary =
          "Not offered: Datadog has no public API for one test result (501 with the alternative)")
  @PostMapping("/test-result")
  void testResult() {
    throw DatadogFailure.notImplemented(
        "Datadog has no public API that accepts a single test result",
        "Run the tests with Datadog Test Optimization (dd-java-agent with"
            + " DD_CIVISIBILITY_ENABLED=true), or upload their JUnit XML report with `datadog-ci"
            + " junit upload --service <service> <report.xml>`");
  }

  /** The same deployment sent twice gets the same id, so DORA counts it once. */
  static String deploymentId(String service, String env, String version, Instant started) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (service + "\n" + env + "\n" + version + "\n" + started.toEpochMilli())
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
