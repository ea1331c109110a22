package dev.lrcp.storage;

import java.nio.file.FileSystemException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a start-up that failed on a file the service could not create or write (most often the H2
 * database in a directory its user may not write) into Spring Boot's short "APPLICATION FAILED TO
 * START" report naming the file and the setting, instead of a stack trace whose cause is several
 * levels down. Registered in {@code META-INF/spring.factories}.
 */
class UnwritableStorageAnalyzer extends AbstractFailureAnalyzer<FileSystemException> {

  private final Environment environment;

  UnwritableStorageAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, FileSystemException cause) {
    String directory = environment.getProperty("lrcp.storage.directory", "./data");
    return new FailureAnalysis(
        "The service could not create or write "
            + cause.getFile()
            + (cause.getReason() == null ? "" : " (" + cause.getReason() + ")")
            + ". Its H2 database lives in lrcp.storage.directory, now "
            + directory
            + ".",
        "Give the service's user write access to that directory, or point"
            + " LRCP_STORAGE_DIRECTORY at a directory it can write (or use PostgreSQL through"
            + " SPRING_DATASOURCE_URL).",
        cause);
  }
}
