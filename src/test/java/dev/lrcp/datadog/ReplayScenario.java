package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the metric series of a recorded scenario ({@code
 * src/test/resources/datadog/replay/*.json}) the way the service emits them: per stream of calls
 * (environment, endpoint, model, provider, traffic) and minute, the call-fact metrics of the
 * catalog with their tags, the gauges the service sends every 10 s, and the LLM spans Datadog
 * counts as {@code ml_obs.span}. Phases change a stream's rate, failures and latency over a span of
 * minutes; values within a minute are spread evenly over the phase's range, so a replay is
 * deterministic.
 */
final class ReplayScenario {

  private final JsonNode spec;
  private final ReplaySeries series = new ReplaySeries();

  private ReplayScenario(JsonNode spec) {
    this.spec = spec;
  }

  static ReplaySeries load(String name) {
    JsonNode spec = read(name);
    if (spec.has("base")) spec = merge(read(spec.path("base").asText()), spec);
    var scenario = new ReplayScenario(spec);
    scenario.build();
    return scenario.series;
  }

  /** The scenario's own streams and phases after the base's; its gauges replace the base's. */
  private static JsonNode merge(JsonNode base, JsonNode scenario) {
    ObjectNode merged = (ObjectNode) base.deepCopy();
    scenario
        .properties()
        .forEach(
            f -> {
              if (f.getValue().isArray() && merged.path(f.getKey()).isArray()) {
                ArrayNode list = (ArrayNode) merged.get(f.getKey());
                if (f.getKey().equals("gauges")) {
                  f.getValue().forEach(g -> list.removeIf(old -> sameSeries(old, g)));
                }
                list.addAll((ArrayNode) f.getValue());
              } else {
                merged.set(f.getKey(), f.getValue());
              }
            });
    return merged;
  }

  private static boolean sameSeries(JsonNode a, JsonNode b) {
    return a.path("metric").equals(b.path("metric")) && a.path("tags").equals(b.path("tags"));
  }

  private static JsonNode read(String name) {
    String path = "/datadog/replay/" + name + ".json";
    try (InputStream in = ReplayScenario.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no scenario " + path);
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void build() {
    int minutes = spec.path("minutes").asInt();
    for (JsonNode stream : spec.path("streams")) {
      var calls = new ReplayCalls(series, tags(stream));
      for (int m = 0; m < minutes; m++) {
        if (!down(stream, m)) calls.minute(m, settings(stream, m));
      }
    }
    for (JsonNode call : spec.path("calls")) {
      new ReplayCalls(series, tags(call)).one(call.path("minute").asInt(), call);
    }
    for (JsonNode gauge : spec.path("gauges")) {
      Map<String, String> tags = gaugeTags(gauge.path("tags"));
      JsonNode steps = gauge.path("values");
      for (int m = 0; m < minutes; m++) {
        if (down(gauge.path("tags"), m)) continue;
        double value = Double.NaN;
        for (JsonNode step : steps) if (step.get(0).asInt() <= m) value = step.get(1).asDouble();
        if (!Double.isNaN(value)) series.gauge(gauge.path("metric").asText(), tags, m, value);
      }
    }
  }

  /** The stream's fields at a minute: every matching phase in order, later ones overriding. */
  private JsonNode settings(JsonNode stream, int minute) {
    var merged = new ObjectMapper().createObjectNode();
    merged.setAll((ObjectNode) stream.deepCopy());
    for (JsonNode phase : spec.path("phases")) {
      if (minute < phase.path("from").asInt() || minute >= phase.path("to").asInt()) continue;
      boolean matches = true;
      for (var w : phase.path("where").properties()) {
        matches &= w.getValue().asText().equals(stream.path(w.getKey()).asText());
      }
      if (!matches) continue;
      phase.properties().forEach(f -> merged.set(f.getKey(), f.getValue()));
    }
    return merged;
  }

  /** A stream, call or gauge of an environment that is down sends nothing. */
  private boolean down(JsonNode tagged, int minute) {
    for (JsonNode d : spec.path("down")) {
      if (d.path("env").asText().equals(tagged.path("env").asText())
          && minute >= d.path("from").asInt()
          && minute < d.path("to").asInt()) {
        return true;
      }
    }
    return false;
  }

  /** Unified service tags plus the call tags a stream or call names. */
  private Map<String, String> tags(JsonNode fields) {
    Map<String, String> tags = new HashMap<>();
    tags.put("service", AssetLinter.SERVICE);
    tags.put("version", spec.path("version").asText("1.0.0"));
    for (String key : ReplayCalls.TAGS) {
      if (fields.has(key)) tags.put(key, fields.get(key).asText());
    }
    return tags;
  }

  /** Unified service tags plus every tag a gauge names. */
  private Map<String, String> gaugeTags(JsonNode fields) {
    Map<String, String> tags = tags(fields);
    fields.properties().forEach(f -> tags.put(f.getKey(), f.getValue().asText()));
    return tags;
  }
}
