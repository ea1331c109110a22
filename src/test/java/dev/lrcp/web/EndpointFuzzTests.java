package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.mockito.Mockito;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based abuse of every endpoint through the real MVC stack (filters, resolvers, advice,
 * pipeline): malformed and mistyped bodies, huge and unicode values, odd media types and random
 * toggles. Whatever arrives, the answer is never a 5xx, and every 4xx is a typed problem.
 *
 * <p>jqwik runs on its own engine, so the cached Spring context of {@link ApiSliceTests} is
 * attached by hand before each property.
 */
class EndpointFuzzTests extends ApiSliceTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> ENDPOINTS = List.of("/qa", "/reason", "/stress");
  static final List<String> FIELDS =
      List.of("question", "document", "prompt", "repetitions", "model", "extra");
  static final List<String> TOGGLES =
      List.of(Toggles.LATENCY, Toggles.RETRY, Toggles.BAD_PROMPT, Toggles.LONG_CONTEXT);

  @BeforeProperty
  void attachSpringContext() throws Exception {
    new TestContextManager(getClass()).prepareTestInstance(this);
    stubDefaults();
  }

  @AfterTry
  void forgetInvocations() {
    Mockito.clearInvocations(llm, scanner, scorer);
  }

  record Call(
      String endpoint,
      String body,
      String contentType,
      String accept,
      Map<String, String> toggles) {}

  @Property(tries = 1500)
  void noBodyTypeOrToggleEverCausesA5xx(@ForAll("calls") Call call) throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.post(call.endpoint()).content(call.body());
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    if (call.accept() != null) {
      request.header("Accept", call.accept());
    }
    call.toggles().forEach(request::queryParam);

    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

    Statistics.collect(call.endpoint(), response.getStatus());
    assertAnswerOrProblem(response);
  }

  @Property(tries = 300)
  void noMethodOrPathEverCausesA5xx(
      @ForAll("methods") HttpMethod method, @ForAll("paths") String path) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(MockMvcRequestBuilders.request(method, URI.create(path)))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).as("%s %s", method, path).isLessThan(500);
    if (response.getStatus() >= 400 && method != HttpMethod.HEAD) {
      assertProblem(response);
    }
  }

  static void assertAnswerOrProblem(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).isLessThan(500);
    if (response.getStatus() >= 400) {
      assertProblem(response);
    } else {
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(JSON.readTree(response.getContentAsString()).path("answer").isString()).isTrue();
    }
  }

  static void assertProblem(MockHttpServletResponse response) throws Exception {
    assertThat(MediaType.parseMediaType(response.getContentType()))
        .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "problem+json");
    var problem = JSON.readTree(response.getContentAsString());
    assertThat(problem.path("type").asString()).startsWith(ProblemKind.TYPE_PREFIX);
    assertThat(problem.path("status").asInt()).isEqualTo(response.getStatus());
    assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Provide
  Arbitrary<Call> calls() {
    return Arbitraries.of(ENDPOINTS)
        .flatMap(
            endpoint ->
                Combinators.combine(
                        Arbitraries.just(endpoint),
                        bodies(endpoint),
                        contentTypes(),
                        accepts(),
                        toggles())
                    .as(Call::new));
  }

  Arbitrary<String> bodies(String endpoint) {
    return Arbitraries.frequencyOf(
        List.of(
            weight(6, plausibleObjects(endpoint).map(EndpointFuzzTests::write)),
            weight(3, jsonObjects().map(EndpointFuzzTests::write)),
            weight(
                2, jsonObjects().map(EndpointFuzzTests::write).flatMap(EndpointFuzzTests::mangle)),
            weight(2, Arbitraries.strings().all().ofMaxLength(300)),
            weight(
                1, Arbitraries.of("", "null", "[]", "{}", "1", "\"q\"", "[{}]", "{\"question\":}")),
            weight(1, deepNesting()),
            weight(1, hugeValues())));
  }

  static <T> Tuple2<Integer, Arbitrary<T>> weight(int weight, Arbitrary<T> a) {
    return net.jqwik.api.Tuple.of(weight, a);
  }

  /** The endpoint's own text field with a random value, plus random others: reaches deep. */
  Arbitrary<Map<String, Object>> plausibleObjects(String endpoint) {
    String field = endpoint.equals("/qa") ? "question" : "prompt";
    Arbitrary<Object> text =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(80).map(Object.class::cast),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(1200).map(Object.class::cast),
            values(1));
    return Combinators.combine(text, jsonObjects())
        .as(
            (value, others) -> {
              Map<String, Object> body = new LinkedHashMap<>(others);
              body.put(field, value);
              return body;
            });
  }

  Arbitrary<Map<String, Object>> jsonObjects() {
    return Arbitraries.maps(Arbitraries.of(FIELDS), values(2)).ofMaxSize(5).map(LinkedHashMap::new);
  }

  Arbitrary<Object> values(int depth) {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(60).map(Object.class::cast),
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(900)
                .ofMaxLength(12_000)
                .map(Object.class::cast),
            Arbitraries.strings()
                .withChars("😀\u0000\u202e\ud800é中\n\"\\")
                .ofMaxLength(40)
                .map(Object.class::cast),
            Arbitraries.integers().map(Object.class::cast),
            Arbitraries.integers().between(-5, 120).map(Object.class::cast),
            Arbitraries.longs().map(Object.class::cast),
            Arbitraries.doubles().map(Object.class::cast),
            Arbitraries.of(true, false).map(Object.class::cast),
            Arbitraries.just(null),
            Arbitraries.of("gemini-2.5-flash", "gpt-4o", "gemini-1.5-pro", "")
                .map(Object.class::cast));
    if (depth == 0) {
      return scalars;
    }
    return Arbitraries.frequencyOf(
        List.of(
            weight(8, scalars),
            weight(1, values(depth - 1).list().ofMaxSize(3).map(Object.class::cast)),
            weight(
                1,
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), values(depth - 1))
                    .ofMaxSize(3)
                    .map(Object.class::cast))));
  }

  /** Truncates or corrupts valid JSON at a random point. */
  static Arbitrary<String> mangle(String json) {
    if (json.isEmpty()) {
      return Arbitraries.just("{");
    }
    return Arbitraries.integers()
        .between(0, json.length() - 1)
        .flatMap(
            at ->
                Arbitraries.of(
                    json.substring(0, at),
                    json.substring(0, at) + "}" + json.substring(at),
                    json.substring(0, at) + "\u0000" + json.substring(at),
                    json.replace(':', '=')));
  }

  Arbitrary<String> deepNesting() {
    return Arbitraries.integers()
        .between(100, 5_000)
        .map(n -> "{\"question\":" + "[".repeat(n) + "1" + "]".repeat(n) + "}");
  }

  /** Values near and far past the size limits, up to a body above the 1 MB request limit. */
  Arbitrary<String> hugeValues() {
    return Combinators.combine(
            Arbitraries.of("question", "prompt", "document"),
            Arbitraries.of(999, 1000, 1001, 5000, 5001, 10_000, 10_001, 300_000, 1_100_000))
        .as((field, size) -> "{\"" + field + "\":\"" + "ü".repeat(size / 2) + "\"}");
  }

  Arbitrary<String> contentTypes() {
    return Arbitraries.frequencyOf(
        List.of(
            weight(8, Arbitraries.of("application/json", "application/json; charset=UTF-8")),
            weight(2, otherContentTypes())));
  }

  Arbitrary<String> otherContentTypes() {
    return Arbitraries.of(
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

  Arbitrary<String> accepts() {
    return Arbitraries.frequencyOf(
        List.of(
            weight(8, Arbitraries.of(null, "*/*", "application/json")),
            weight(2, Arbitraries.of("text/html", "application/problem+json", "image/png"))));
  }

  Arbitrary<Map<String, String>> toggles() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of("true", "false", "1", "0", "yes", "no", "on", "off", "TRUE", " on "),
            Arbitraries.strings().all().ofMaxLength(12));
    return Arbitraries.maps(Arbitraries.of(TOGGLES), value).ofMaxSize(4);
  }

  @Provide
  Arbitrary<HttpMethod> methods() {
    return Arbitraries.of(
        HttpMethod.GET,
        HttpMethod.POST,
        HttpMethod.PUT,
        HttpMethod.DELETE,
        HttpMethod.PATCH,
        HttpMethod.HEAD,
        HttpMethod.OPTIONS);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> random =
        Arbitraries.strings()
            .all()
            .ofMaxLength(30)
            .map(s -> "/" + URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    return Arbitraries.oneOf(
        Arbitraries.of("/qa", "/reason", "/stress", "/", "/health", "/error", "/qa/", "//qa"),
        random);
  }

  static String write(Map<String, Object> value) {
    return JSON.writeValueAsString(value);
  }
}
