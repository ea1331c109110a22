package dev.lrcp.anomaly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NAB development files ({@code nab-dev/}: data and labelled windows) as the reference scorer
 * reads them: rows in file order, each window as the rows of its first and last timestamp.
 */
record NabCorpus(Map<String, NabCorpus.File> files) {

  record File(
      String name,
      String[] timestamps,
      long[] epochSeconds,
      double[] values,
      List<int[]> windows) {}

  /**
   * The development copy beside the clone, or under {@code -Dlrcp.data.dir}; missing is an error.
   */
  static NabCorpus load() {
    String configured = System.getProperty("lrcp.data.dir", "");
    Path data = configured.isBlank() ? Path.of("..", "shared", "data") : Path.of(configured);
    return load(data.resolve("nab-dev"));
  }

  static NabCorpus load(Path nabDir) {
    JsonNode windows =
        JsonMapper.builder().build().readTree(read(nabDir.resolve("combined_windows.json")));
    Map<String, File> files = new LinkedHashMap<>();
    for (String name : new TreeMap<>(asMap(windows)).keySet()) {
      files.put(name, file(nabDir.resolve("data").resolve(name), name, windows.get(name)));
    }
    return new NabCorpus(files);
  }

  private static Map<String, JsonNode> asMap(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static File file(Path path, String name, JsonNode windowNode) {
    List<String> lines = read(path).lines().filter(l -> !l.isBlank()).skip(1).toList();
    int n = lines.size();
    String[] ts = new String[n];
    long[] epoch = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      String[] cells = lines.get(i).split(",");
      ts[i] = normalise(cells[0]);
      epoch[i] = LocalDateTime.parse(ts[i].replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
      values[i] = Double.parseDouble(cells[1].strip());
    }
    List<String> index = List.of(ts);
    List<int[]> windows = new ArrayList<>();
    for (JsonNode w : windowNode) {
      windows.add(
          new int[] {
            index.indexOf(normalise(w.get(0).asString())),
            index.indexOf(normalise(w.get(1).asString()))
          });
    }
    return new File(name, ts, epoch, values, windows);
  }

  static String normalise(String timestamp) {
    String t = timestamp.strip().replace('T', ' ');
    return t.length() > 19 ? t.substring(0, 19) : t;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read NAB development data " + path, e);
    }
  }
}
