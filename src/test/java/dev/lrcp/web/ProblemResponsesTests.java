package dev.lrcp.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.test.web.servlet.ResultActions;

class ProblemResponsesTests extends ApiSliceTests {

  ResultActions postJson(String path, String body) throws Exception {
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  ResultActions expectProblem(ResultActions result, int status, String kind) throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:" + kind))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").isString())
        .andExpect(content().string(not(containsString("Exception"))))
        .andExpect(content().string(not(containsString("\tat "))));
  }

  @ParameterizedTest
  @EnumSource(LlmFailure.class)
  void everyUpstreamFailureIsAGatewayProblemWithThePromptId(LlmFailure failure) throws Exception {
    doThrow(
            new LlmException(failure, "gemini-2.5-flash", "fake", "secret upstream text")
                .withResilience(2, true))
        .when(llm)
        .generate(any());
    String kind = UpstreamProblems.kindOf(failure).slug();
    expectProblem(postJson("/qa", "{\"question\": \"q\"}"), failure.httpStatus(), kind)
        .andExpect(jsonPath("$.prompt_id").isString())
        .andExpect(jsonPath("$.failure").value(failure.tag()))
        .andExpect(jsonPath("$.retry_count").value(2))
        .andExpect(jsonPath("$.fallback_used").value(true))
        .andExpect(content().string(not(containsString("secret upstream text"))));
  }

  @Test
  void aMissingRequiredFieldIsNamed() throws Exception {
    expectProblem(postJson("/qa", "{}"), 400, "validation")
        .andExpect(jsonPath("$.errors[0].field").value("question"))
        .andExpect(jsonPath("$.detail", containsString("question")));
  }

  @Test
  void limitsOfTheOriginalAreEnforcedPerField() throws Exception {
    expectProblem(postJson("/qa", "{\"question\": \"\"}"), 400, "validation");
    expectProblem(
        postJson("/qa", "{\"question\": \"" + "x".repeat(1001) + "\"}"), 400, "validation");
    expectProblem(
            postJson("/qa", "{\"question\": \"q\", \"document\": \"" + "d".repeat(10_001) + "\"}"),
            400,
            "validation")
        .andExpect(jsonPath("$.errors[0].field").value("document"));
    expectProblem(
        postJson("/reason", "{\"prompt\": \"" + "p".repeat(5001) + "\"}"), 400, "validation");
    expectProblem(
            postJson("/stress", "{\"prompt\": \"p\", \"repetitions\": 101}"), 400, "validation")
        .andExpect(jsonPath("$.errors[0].field").value("repetitions"));
    expectProblem(
        postJson("/stress", "{\"prompt\": \"p\", \"repetitions\": 0}"), 400, "validation");
  }

  @Test
  void aWrongTypeNamesTheField() throws Exception {
    expectProblem(
            postJson("/stress", "{\"prompt\": \"p\", \"repetitions\": \"many\"}"),
            400,
            "validation")
        .andExpect(jsonPath("$.errors[0].field").value("repetitions"));
    expectProblem(postJson("/qa", "{\"question\": {\"nested\": 1}}"), 400, "validation")
        .andExpect(jsonPath("$.errors[0].field").value("question"));
  }

  @Test
  void malformedOrMissingBodiesAreBadRequests() throws Exception {
    expectProblem(postJson("/qa", "{\"question\": "), 400, "validation");
    expectProblem(postJson("/qa", "not json"), 400, "validation");
    expectProblem(
        mvc.perform(post("/qa").contentType(MediaType.APPLICATION_JSON)), 400, "validation");
  }

  @Test
  void frameworkErrorsGetStableTypes() throws Exception {
    expectProblem(
        mvc.perform(post("/qa").contentType(MediaType.TEXT_PLAIN).content("hi")),
        415,
        "unsupported-media-type");
    expectProblem(mvc.perform(get("/qa")), 405, "method-not-allowed")
        .andExpect(header().string("Allow", containsString("POST")));
    expectProblem(mvc.perform(get("/no/such/path")), 404, "not-found");
  }

  @Test
  void aBodyAboveTheLimitIsRefusedWith413() throws Exception {
    String huge = "{\"question\": \"" + "x".repeat(1_100_000) + "\"}";
    expectProblem(postJson("/qa", huge), 413, "payload-too-large");
  }

  @Test
  void aDatabaseThatCannotBeUsedIsA503ToTryAgain() throws Exception {
    var closed = new SQLNonTransientConnectionException("The database has been closed", "90098");
    doThrow(new DataAccessResourceFailureException("closed", closed)).when(scorer).score(any());
    expectProblem(postJson("/qa", "{\"question\": \"q\"}"), 503, "storage-unavailable")
        .andExpect(header().string("Retry-After", "5"));
  }

  @Test
  void aStatementTheDatabaseRefusesIsOurBug() throws Exception {
    var refused = new SQLException("Column \"nope\" not found", "42S22");
    doThrow(new BadSqlGrammarException("read", "SELECT nope", refused)).when(scorer).score(any());
    expectProblem(postJson("/qa", "{\"question\": \"q\"}"), 500, "internal")
        .andExpect(content().string(not(containsString("nope"))));
  }

  @Test
  void anUnexpectedBugIsAnOpaque500() throws Exception {
    doThrow(new IllegalStateException("internal detail")).when(scorer).score(any());
    expectProblem(postJson("/qa", "{\"question\": \"q\"}"), 500, "internal")
        .andExpect(content().string(not(containsString("internal detail"))));
  }
}
