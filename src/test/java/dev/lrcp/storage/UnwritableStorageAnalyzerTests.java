package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.ControlPlaneApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A storage directory the service cannot create: a short report, not a buried stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class UnwritableStorageAnalyzerTests {

  @Test
  void aStorageDirectoryThatCannotBeCreatedIsNamedWithTheSettingToChange(CapturedOutput output)
      throws Exception {
    // not under @TempDir: its name is a random 19-digit number, which the log redactor masks as a
    // card number whenever it passes the Luhn check, one run in ten
    Path dir = Files.createDirectories(Path.of("target", "unwritable-storage").toAbsolutePath());
    // a regular file where a directory should be: refused even to root, unlike permissions
    Path file = dir.resolve("not-a-directory");
    Files.deleteIfExists(file);
    Files.writeString(file, "");
    String storage = file.resolve("data").toString();

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(ControlPlaneApplication.class)
                    .run(
                        "--server.port=0",
                        "--lrcp.gateway.port=-1",
                        "--lrcp.quality.embeddings=false",
                        "--lrcp.storage.directory=" + storage))
        .isInstanceOf(Exception.class);

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The service could not create or write " + storage)
        .contains("lrcp.storage.directory, now " + storage)
        .contains("LRCP_STORAGE_DIRECTORY");
  }
}
