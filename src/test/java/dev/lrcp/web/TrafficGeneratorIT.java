package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code traffic-generator/TrafficGenerator.java} (JDK source launcher, as a user would)
 * against the packaged service for a few seconds and checks its summary and exit code.
 */
class TrafficGeneratorIT {

  private static final Path SOURCE = Path.of("traffic-generator", "TrafficGenerator.java");

  private static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service =
        RunningService.start("traffic-generator", Map.of("LRCP_SIMULATED_LATENCY_SCALE", "0"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void normalTrafficSucceedsAndIsSummarised() throws Exception {
    Run run = generate("normal", "--base-url", service.baseUrl(), "--rate", "4", "--duration", "3");

    assertThat(run.exitCode).as(run.output).isZero();
    Matcher row =
        Pattern.compile("(?m)^normal\\s+(\\d+)\\s+.*\\s(\\S+)\\s+(200x\\d+)\\s*$")
            .matcher(run.output);
    assertThat(row.find()).as(run.output).isTrue();
    assertThat(row.group(1)).isEqualTo("12");
    assertThat(row.group(3)).isEqualTo("200x12");
    assertThat(row.group(2)).as("incidents opened").matches("\\d+");
    assertThat(run.output)
        .contains("p95", "tokens in", "cost USD", "unexpected failures: 0", "result: OK");
    assertThat(run.output).containsPattern("\\[normal\\]\\s+\\d+\\.\\d s\\s+answered \\d+");
  }

  @Test
  void exitsNonZeroWhenTheServiceCannotBeReached() throws Exception {
    Run run =
        generate("normal", "--base-url", "http://127.0.0.1:9", "--rate", "2", "--duration", "1");

    assertThat(run.exitCode).as(run.output).isEqualTo(1);
    assertThat(run.output).contains("conn-errx2", "result: FAIL");
  }

  @Test
  void rejectsBadUsageWithExitCodeTwo() throws Exception {
    Run run = generate("no-such-scenario");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.output).contains("unknown scenario no-such-scenario", "usage:");
  }

  private record Run(int exitCode, String output) {}

  private static Run generate(String scenario, String... options) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(SOURCE.toString());
    cmd.addAll(
        List.of("--scenario", scenario, "--concurrency", "2", "--seed", "7", "--settle", "0"));
    cmd.addAll(List.of(options));
    Path out = Files.createTempFile("traffic-generator", ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean exited = p.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly().waitFor();
    }
    String output = Files.readString(out);
    Files.delete(out);
    assertThat(exited).as("generator finished: %s", output).isTrue();
    return new Run(p.exitValue(), output);
  }
}
