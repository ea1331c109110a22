package dev.lrcp.web;

import static dev.lrcp.testing.RandomCases.anyDouble;
import static dev.lrcp.testing.RandomCases.anyInt;
import static dev.lrcp.testing.RandomCases.anyLong;
import static dev.lrcp.testing.RandomCases.anyString;
import static dev.lrcp.testing.RandomCases.oneOf;
import static dev.lrcp.testing.RandomCases.string;
import static dev.lrcp.testing.RandomCases.weighted;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random abuse of the endpoints, for {@link EndpointFuzzTests}: malformed and mistyped bodies, huge
 * and unicode values, odd media types and random toggles. Plausible bodies are the most frequent,
 * so that calls get past parsing into validation and the pipeline.
 */
final class EndpointInputs {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> ENDPOINTS = List.of("/qa", "/reason", "/stress");
  private static final String[] FIELDS = {
    "question", "document", "prompt", "repetitions", "model", "extra"
  };
  private static final String[] TOGGLES = {
    Toggles.LATENCY, Toggles.RETRY, Toggles.BAD_PROMPT, Toggles.LONG_CONTEXT
  };

  private EndpointInputs() {}

  record Call(
      String endpoint,
      String body,
      String contentType,
      String accept,
      Map<String, String> toggles) {

    /** Short enough for an assertion message: a body can be over a megabyte. */
    @Override
    public String toString() {
      String head = body.length() <= 200 ? body : body.substring(0, 200) + "…";
      return "POST %s %s, Content-Type %s, Accept %s, body of %d chars: %s"
          .formatted(endpoint, toggles, contentType, accept, body.length(), head);
    }
  }

  record Request(HttpMethod method, String path) {}

  /** One call in four is well-formed around its body, so that more bodies reach the pipeline. */
  static Call call(RandomGenerator r) {
    String endpoint = ENDPOINTS.get(r.nextInt(ENDPOINTS.size()));
    String body = body(r, endpoint);
    return r.nextInt(4) == 0
        ? new Call(endpoint, body, "application/json", null, Map.of())
        : new Call(endpoint, body, contentType(r), accept(r), toggles(r));
  }

  static Request request(RandomGenerator r) {
    String path =
        r.nextBoolean()
            ? oneOf(r, "/qa", "/reason", "/stress", "/", "/health", "/error", "/qa/", "//qa")
            : "/" + URLEncoder.encode(anyString(r, 30), StandardCharsets.UTF_8).replace("+", "%20");
    return new Request(oneOf(r, HttpMethod.values()), path);
  }

  static String body(RandomGenerator r, String endpoint) {
    return switch (weighted(r, 6, 3, 2, 2, 1, 1, 1)) {
      case 0 -> write(plausibleObject(r, endpoint));
      case 1 -> write(jsonObject(r));
      case 2 -> mangle(r, write(jsonObject(r)));
      case 3 -> anyString(r, 300);
      case 4 -> oneOf(r, "", "null", "[]", "{}", "1", "\"q\"", "[{}]", "{\"question\":}");
      case 5 -> deepNesting(r);
      default -> hugeValue(r);
    };
  }

  /** The endpoint's own text field with a random value, plus random others: reaches deep. */
  static Map<String, Object> plausibleObject(RandomGenerator r, String endpoint) {
    Object text =
        switch (r.nextInt(3)) {
          case 0 -> anyString(r, 80);
          case 1 -> string(r, 0, 1200, ' ', '~');
          default -> value(r, 1);
        };
    Map<String, Object> body = r.nextBoolean() ? new LinkedHashMap<>() : jsonObject(r);
    body.put(endpoint.equals("/qa") ? "question" : "prompt", text);
    return body;
  }

  static Map<String, Object> jsonObject(RandomGenerator r) {
    Map<String, Object> object = new LinkedHashMap<>();
    int size = r.nextInt(6);
    while (object.size() < size) {
      object.put(oneOf(r, FIELDS), value(r, 2));
    }
    return object;
  }

  /** A JSON value: mostly scalars, sometimes a list or an object nested {@code depth} deep. */
  static Object value(RandomGenerator r, int depth) {
    int kind = depth == 0 ? 0 : weighted(r, 8, 1, 1);
    return switch (kind) {
      case 0 -> scalar(r);
      case 1 -> {
        List<Object> list = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
          list.add(value(r, depth - 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int n = r.nextInt(4); n > 0; n--) {
          object.put(anyString(r, 5), value(r, depth - 1));
        }
        yield object;
      }
    };
  }

  static Object scalar(RandomGenerator r) {
    return switch (r.nextInt(10)) {
      case 0 -> anyString(r, 60);
      case 1 -> string(r, 900, 12_000, 'a', 'z');
      case 2 -> string(r, 40, "😀\u0000\u202e\ud800é中\n\"\\");
      case 3 -> anyInt(r);
      case 4 -> r.nextInt(-5, 121);
      case 5 -> anyLong(r);
      case 6 -> anyDouble(r);
      case 7 -> r.nextBoolean();
      case 8 -> null;
      default -> oneOf(r, "gemini-2.5-flash", "gpt-4o", "gemini-1.5-pro", "");
    };
  }

  /** Truncates or corrupts valid JSON at a random point. */
  static String mangle(RandomGenerator r, String json) {
    if (json.isEmpty()) {
      return "{";
    }
    int at = r.nextInt(json.length());
    return switch (r.nextInt(4)) {
      case 0 -> json.substring(0, at);
      case 1 -> json.substring(0, at) + "}" + json.substring(at);
      case 2 -> json.substring(0, at) + "\u0000" + json.substring(at);
      default -> json.replace(':', '=');
    };
  }

  static String deepNesting(RandomGenerator r) {
    int n = r.nextInt(100, 5_001);
    return "{\"question\":" + "[".repeat(n) + "1" + "]".repeat(n) + "}";
  }

  /** Values near and far past the size limits, up to a body above the 1 MB request limit. */
  static String hugeValue(RandomGenerator r) {
    String field = oneOf(r, "question", "prompt", "document");
    int size = oneOf(r, 999, 1000, 1001, 5000, 5001, 10_000, 10_001, 300_000, 1_100_000);
    return "{\"" + field + "\":\"" + "ü".repeat(size / 2) + "\"}";
  }

  static String contentType(RandomGenerator r) {
    return weighted(r, 8, 2) == 0
        ? oneOf(r, "application/json", "application/json; charset=UTF-8")
        : oneOf(
            r,
            "application/json; charset=ISO-8859-1",
            "application/json; charset=bogus",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "*/*",
            "not a media type",
            null);
  }

  static String accept(RandomGenerator r) {
    return weighted(r, 8, 2) == 0
        ? oneOf(r, null, "*/*", "application/json")
        : oneOf(r, "text/html", "application/problem+json", "image/png");
  }

  static Map<String, String> toggles(RandomGenerator r) {
    Map<String, String> toggles = new LinkedHashMap<>();
    int size = r.nextInt(TOGGLES.length + 1);
    while (toggles.size() < size) {
      String value =
          r.nextBoolean()
              ? oneOf(r, "true", "false", "1", "0", "yes", "no", "on", "off", "TRUE", " on ")
              : anyString(r, 12);
      toggles.put(oneOf(r, TOGGLES), value);
    }
    return toggles;
  }

  static String write(Map<String, Object> value) {
    return JSON.writeValueAsString(value);
  }
}
