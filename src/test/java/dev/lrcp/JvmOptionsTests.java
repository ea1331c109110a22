package dev.lrcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service's JVM options (scripts/jvm.options, docs/adr/0021-memory.md) as
 * scripts/jvm-options.sh hands them to the command line: a JVM starts with them, and a user's own
 * options in the standard variables replace ours for the same setting.
 */
class JvmOptionsTests {

  private static final Path OPTIONS = Path.of("scripts", "jvm.options");

  @Test
  void everyOptionIsKeptWhenTheUserSetsNone() throws Exception {
    assertThat(ours(Map.of())).isEqualTo(fileOptions()).contains("-Xmx512m", "-Xms32m");
  }

  @Test
  void aUserHeapSizeReplacesBothOfOurs() throws Exception {
    var kept = ours(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"));

    assertThat(kept)
        .noneMatch(o -> o.startsWith("-Xm"))
        .contains("-XX:TrimNativeHeapInterval=10000");
    assertThat(ours(Map.of("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=75")))
        .noneMatch(o -> o.startsWith("-Xm"));
  }

  @Test
  void aUserHeapFreeRatioReplacesBothOfOurs() throws Exception {
    var kept = ours(Map.of("JAVA_TOOL_OPTIONS", "-XX:MinHeapFreeRatio=40"));

    assertThat(kept).noneMatch(o -> o.contains("HeapFreeRatio")).contains("-Xmx512m");
  }

  @Test
  void aUserFlagReplacesOursOfTheSameName() throws Exception {
    var kept = ours(Map.of("_JAVA_OPTIONS", "-XX:TrimNativeHeapInterval=0"));

    assertThat(kept)
        .noneMatch(o -> o.startsWith("-XX:TrimNativeHeapInterval"))
        .contains("-Xmx512m");
  }

  @Test
  void unrelatedUserOptionsLeaveOursAlone() throws Exception {
    var env = Map.of("JAVA_TOOL_OPTIONS", "-javaagent:x.jar -XX:ParallelGCThreads=2 -Xss512k");

    assertThat(ours(env)).isEqualTo(fileOptions());
  }

  @Test
  void aJvmStartsWithThem() throws Exception {
    var command = new ArrayList<>(List.of(javaBin()));
    command.addAll(fileOptions());
    command.add("-version");

    assertThat(run(command, Map.of()).exit()).isZero();
  }

  private static List<String> ours(Map<String, String> env) throws Exception {
    var result =
        run(List.of("bash", "-c", "source scripts/jvm-options.sh; jvm_options " + OPTIONS), env);
    assertThat(result.exit()).as(result.output()).isZero();
    return result.output().lines().toList();
  }

  private static List<String> fileOptions() throws IOException {
    return Files.readAllLines(OPTIONS).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.endsWith("JAVA_OPTIONS"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exit, String output) {}
}
