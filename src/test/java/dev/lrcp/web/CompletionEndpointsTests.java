package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrcp.llm.Faults;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.TokenUsage;
import dev.lrcp.security.SecurityVerdict;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class CompletionEndpointsTests extends ApiSliceTests {

  static final String QA =
      """
      {"question": "What is Datadog?",
       "document": "Datadog is an observability platform for logs, metrics, traces, and more."}
      """;

  ResultActions postJson(String path, String body) throws Exception {
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  LlmRequest sentRequest() {
    var captor = ArgumentCaptor.forClass(LlmRequest.class);
    verify(llm).generate(captor.capture());
    return captor.getValue();
  }

  @Test
  void qaAnswersWithTheOriginalsMetadataKeysAndTheNewOnes() throws Exception {
    postJson("/qa", QA)
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.answer", startsWith("model=gemini-2.5-flash")))
        .andExpect(jsonPath("$.metadata.prompt_id").isString())
        .andExpect(jsonPath("$.metadata.model").value("gemini-2.5-flash"))
        .andExpect(jsonPath("$.metadata.model_version").value("gemini-2.5-flash"))
        .andExpect(jsonPath("$.metadata.requested_model").value("gemini-2.5-flash"))
        .andExpect(jsonPath("$.metadata.routed_by").value("default"))
        .andExpect(jsonPath("$.metadata.provider").value("fake"))
        .andExpect(jsonPath("$.metadata.latency_ms").isNumber())
        .andExpect(jsonPath("$.metadata.time_to_first_token_ms").isNumber())
        .andExpect(jsonPath("$.metadata.input_tokens").value(1000))
        .andExpect(jsonPath("$.metadata.output_tokens").value(100))
        .andExpect(jsonPath("$.metadata.thinking_tokens").value(0))
        .andExpect(jsonPath("$.metadata.retry_count").value(0))
        .andExpect(jsonPath("$.metadata.safety_block").value(false))
        .andExpect(jsonPath("$.metadata.fallback_used").value(false))
        .andExpect(jsonPath("$.metadata['llm.response.length']").isNumber())
        .andExpect(jsonPath("$.metadata['llm.semantic_similarity_score']").value(0.9))
        .andExpect(jsonPath("$.metadata['llm.grounding_score']").value(0.8))
        .andExpect(jsonPath("$.metadata['llm.ungrounded_answer_flag']").value(false))
        .andExpect(jsonPath("$.metadata['security.prompt_injection_score']").value(0.01))
        .andExpect(jsonPath("$.metadata['security.prompt_injection_flag']").value(false))
        .andExpect(jsonPath("$.metadata['security.pii_types']").isArray())
        .andExpect(jsonPath("$.metadata['security.token_abuse_flag']").value(false));
  }

  @Test
  void costIsPricedFromTheCatalogForTheModelThatAnswered() throws Exception {
    // gemini-2.5-flash: $0.30 in, $2.50 out per 1M tokens; 1000 in + 100 out
    postJson("/qa", QA).andExpect(jsonPath("$.metadata.cost_usd", closeTo(0.00055, 1e-12)));
  }

  @Test
  void qaSendsTheOriginalsPromptFormatAsOneUserMessage() throws Exception {
    postJson("/qa", QA).andExpect(status().isOk());
    LlmRequest sent = sentRequest();
    assertThat(sent.messages()).hasSize(1);
    assertThat(sent.messages().getFirst().content())
        .isEqualTo(
            "Q: What is Datadog?\nContext: Datadog is an observability platform for logs,"
                + " metrics, traces, and more.");
    assertThat(sent.endpoint()).isEqualTo("/qa");
    assertThat(sent.requestType()).isEqualTo("qa");
  }

  @Test
  void qaWithoutDocumentSaysNotApplicableAndOmitsTheGroundingScore() throws Exception {
    postJson("/qa", "{\"question\": \"Why?\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.metadata['llm.grounding_score']").doesNotExist());
    assertThat(sentRequest().messages().getFirst().content()).isEqualTo("Q: Why?\nContext: N/A");
  }

  @Test
  void theScannerSeesQuestionDocumentAndCallerButNotThePromptTemplate() throws Exception {
    postJson("/qa", QA).andExpect(status().isOk());
    verify(scanner)
        .scan(
            eq("What is Datadog?"),
            eq("Datadog is an observability platform for logs, metrics, traces, and more."),
            eq("addr:127.0.0.1"));
    assertThat(sentRequest().tags().client()).isEqualTo("addr:127.0.0.1");
  }

  @Test
  void reasonRoutesToTheConfiguredReasoningModelAndSendsThePromptUnchanged() throws Exception {
    postJson("/reason", "{\"prompt\": \"Explain SLOs.\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.metadata.model").value("gemini-2.5-pro"))
        .andExpect(jsonPath("$.metadata.routed_by").value("endpoint"));
    assertThat(sentRequest().messages().getFirst().content()).isEqualTo("Explain SLOs.");
  }

  @Test
  void aModelNamedInTheBodyWins() throws Exception {
    postJson("/reason", "{\"prompt\": \"Explain SLOs.\", \"model\": \"gpt-4o-mini\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.metadata.model").value("gpt-4o-mini"))
        .andExpect(jsonPath("$.metadata.routed_by").value("request"));
  }

  @Test
  void anUnknownModelIsUnprocessableAndNothingIsCalled() throws Exception {
    postJson("/qa", "{\"question\": \"Hi\", \"model\": \"gemini-1.5-pro\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:unprocessable"))
        .andExpect(jsonPath("$.detail", containsString("gemini-1.5-pro")))
        .andExpect(jsonPath("$.errors[0].field").value("model"));
    verify(llm, never()).generate(any());
    verify(scanner, never()).scan(any(), any(), any());
  }

  @Test
  void stressRepeatsThePromptTenTimesByDefault() throws Exception {
    postJson("/stress", "{\"prompt\": \"Sum\"}").andExpect(status().isOk());
    LlmRequest sent = sentRequest();
    assertThat(sent.messages().getFirst().content()).isEqualTo(" Sum".repeat(10));
    assertThat(sent.requestType()).isEqualTo("stress");
  }

  @Test
  void stressIsLongContextByRepetitionSoTheToggleIsNotAppliedTwice() throws Exception {
    mvc.perform(
            post("/stress")
                .queryParam("simulate_long_context", "true")
                .queryParam("simulate_latency", "true")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"prompt\": \"Sum\", \"repetitions\": 3}"))
        .andExpect(status().isOk());
    LlmRequest sent = sentRequest();
    assertThat(sent.messages().getFirst().content()).isEqualTo(" Sum Sum Sum");
    assertThat(sent.faults()).isEqualTo(new Faults(true, false, false, false));
  }

  @Test
  void togglesAcceptTheOriginalsSpellingsAndReachTheModelPort() throws Exception {
    mvc.perform(
            post("/qa")
                .queryParam("simulate_latency", "yes")
                .queryParam("simulate_retry", "1")
                .queryParam("simulate_bad_prompt", "ON")
                .queryParam("simulate_long_context", "off")
                .contentType(MediaType.APPLICATION_JSON)
                .content(QA))
        .andExpect(status().isOk());
    assertThat(sentRequest().faults()).isEqualTo(new Faults(true, true, true, false));
  }

  @Test
  void anUnknownToggleValueIsABadRequestNamingTheParameter() throws Exception {
    mvc.perform(
            post("/reason")
                .queryParam("simulate_retry", "maybe")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"prompt\": \"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:validation"))
        .andExpect(jsonPath("$.detail", containsString("simulate_retry")))
        .andExpect(jsonPath("$.errors[0].field").value("simulate_retry"));
    verify(llm, never()).generate(any());
  }

  @Test
  void aSafetyBlockIsReportedAsSuchInA200() throws Exception {
    doReturn(
            LlmResponse.safetyBlocked(
                "SAFETY", "gemini-2.5-flash", "fake", new TokenUsage(10, 0, 0)))
        .when(llm)
        .generate(any());
    postJson("/qa", QA)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.metadata.safety_block").value(true))
        .andExpect(jsonPath("$.answer", startsWith("Response blocked due to safety policy")));
  }

  @Test
  void theBlockPolicyRefusesBeforeAnyModelCall() throws Exception {
    doReturn(new SecurityVerdict(0.97, true, "prompt", Set.of(), false, "prompt_injection"))
        .when(scanner)
        .scan(any(), any(), any());
    postJson("/qa", QA)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:blocked-by-policy"))
        .andExpect(jsonPath("$.detail", containsString("prompt_injection")))
        .andExpect(jsonPath("$.prompt_id").isString());
    verify(llm, never()).generate(any());
  }

  @Test
  void healthAndServiceInfoAreCompatibleWithTheOriginal() throws Exception {
    mvc.perform(get("/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ok"));
    mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.message", containsString("see /docs")))
        .andExpect(jsonPath("$.name").value("llm-reliability-control-plane"))
        .andExpect(jsonPath("$.provider").isString())
        .andExpect(jsonPath("$.links.docs").value("/docs"))
        .andExpect(jsonPath("$.links.openapi").value("/openapi.json"))
        .andExpect(jsonPath("$.links.theater").value("/theater"));
  }
}
