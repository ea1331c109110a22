package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's metric table is what users write dashboards from: it must equal the catalog. */
class ReadmeMetricTableTests {

  record Row(String name, String type, List<String> tags) {}

  @Test
  void readmeMetricTableMatchesTheCatalogRowForRow() throws IOException {
    List<Row> readme = readmeRows(Files.readString(Path.of("README.md")));
    List<Row> catalog =
        MetricCatalog.load().metrics().stream()
            .map(
                m ->
                    new Row(
                        m.name(), m.type().name().toLowerCase(Locale.ROOT), List.copyOf(m.tags())))
            .toList();
    assertThat(readme).isNotEmpty().containsExactlyElementsOf(catalog);
  }

  private static List<Row> readmeRows(String readme) {
    String section = readme.substring(readme.indexOf("\n## Metrics"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    return section
        .lines()
        .filter(line -> line.startsWith("| `"))
        .map(line -> line.split("\\|"))
        .map(
            cells ->
                new Row(
                    cells[1].trim().replace("`", ""),
                    cells[2].trim(),
                    "–".equals(cells[3].trim())
                        ? List.of()
                        : Arrays.stream(cells[3].split(",")).map(String::trim).toList()))
        .toList();
  }
}
