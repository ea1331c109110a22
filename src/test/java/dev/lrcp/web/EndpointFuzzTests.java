package dev.lrcp.web;

import static dev.lrcp.testing.RandomCases.cases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.testing.RandomCases.Case;
import dev.lrcp.web.EndpointInputs.Call;
import dev.lrcp.web.EndpointInputs.Request;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Random abuse of every endpoint ({@link EndpointInputs}) through the real MVC stack (filters,
 * resolvers, advice, pipeline). Whatever arrives, the answer is never a 5xx, and every 4xx is a
 * typed problem.
 */
class EndpointFuzzTests extends ApiSliceTests {

  static final int CALLS = 1500;

  /** Statuses per endpoint over the run: the random calls must reach answers as well as errors. */
  static final Map<String, Integer> OUTCOMES = new ConcurrentHashMap<>();

  static Stream<Case<Call>> calls() {
    return cases(CALLS, EndpointInputs::call);
  }

  static Stream<Case<Request>> requests() {
    return cases(300, EndpointInputs::request);
  }

  @ParameterizedTest
  @MethodSource("calls")
  void noBodyTypeOrToggleEverCausesA5xx(Case<Call> c) throws Exception {
    Call call = c.value();
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

    OUTCOMES.merge(call.endpoint() + " " + response.getStatus(), 1, Integer::sum);
    assertAnswerOrProblem(response, c + ": " + call);
  }

  @ParameterizedTest
  @MethodSource("requests")
  void noMethodOrPathEverCausesA5xx(Case<Request> c) throws Exception {
    HttpMethod method = c.value().method();
    String path = c.value().path();
    MockHttpServletResponse response =
        mvc.perform(MockMvcRequestBuilders.request(method, URI.create(path)))
            .andReturn()
            .getResponse();

    String context = "%s: %s %s".formatted(c, method, path);
    assertThat(response.getStatus()).as(context).isLessThan(500);
    if (response.getStatus() >= 400 && method != HttpMethod.HEAD) {
      assertProblem(response, context);
    }
  }

  @AfterAll
  static void everyEndpointWasAnsweredAndRefused() {
    System.out.println("statuses of the random calls: " + new TreeMap<>(OUTCOMES));
    if (OUTCOMES.values().stream().mapToInt(Integer::intValue).sum() < CALLS) {
      return; // a partial run, such as one case replayed, says nothing about coverage
    }
    for (String endpoint : EndpointInputs.ENDPOINTS) {
      assertThat(OUTCOMES.keySet())
          .as("statuses of %s", endpoint)
          .anyMatch(k -> k.equals(endpoint + " 200"))
          .anyMatch(k -> k.startsWith(endpoint + " 4"));
    }
  }

  static void assertAnswerOrProblem(MockHttpServletResponse response, String context)
      throws Exception {
    assertThat(response.getStatus()).as(context).isLessThan(500);
    if (response.getStatus() >= 400) {
      assertProblem(response, context);
    } else {
      assertThat(response.getStatus()).as(context).isEqualTo(200);
      var answer = EndpointInputs.JSON.readTree(response.getContentAsString()).path("answer");
      assertThat(answer.isString()).as("%s: a string answer", context).isTrue();
    }
  }

  static void assertProblem(MockHttpServletResponse response, String context) throws Exception {
    assertThat(response.getContentType()).as("%s: content type", context).isNotNull();
    assertThat(MediaType.parseMediaType(response.getContentType()))
        .as(context)
        .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "problem+json");
    var problem = EndpointInputs.JSON.readTree(response.getContentAsString());
    assertThat(problem.path("type").asString()).as(context).startsWith(ProblemKind.TYPE_PREFIX);
    assertThat(problem.path("status").asInt()).as(context).isEqualTo(response.getStatus());
    assertThat(response.getContentAsString())
        .as(context)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
