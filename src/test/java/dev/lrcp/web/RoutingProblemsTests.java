package dev.lrcp.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests naming what routing cannot serve, on a service configured for Gemini: problems naming
 * the {@code model} field, and no model call.
 */
@TestPropertySource(properties = "lrcp.provider=gemini")
class RoutingProblemsTests extends ApiSliceTests {

  @Test
  void aModelOfAnotherProviderIsA422NamingTheModelFieldNotAnUpstream502() throws Exception {
    mvc.perform(
            post("/qa")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"What?\", \"model\": \"gpt-4o\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:unprocessable"))
        .andExpect(jsonPath("$.errors[0].field").value("model"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("openai")));
    verify(llm, never()).generate(any());
  }

  @Test
  void anUnknownRoutingPolicyIsA400NamingTheModelField() throws Exception {
    mvc.perform(
            post("/reason")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"prompt\": \"Plan\", \"model\": \"auto:fastest\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:validation"))
        .andExpect(jsonPath("$.errors[0].field").value("model"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("cheapest-that-holds")));
    verify(llm, never()).generate(any());
  }

  @Test
  void aServedModelStillAnswers() throws Exception {
    mvc.perform(
            post("/qa")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"What?\", \"model\": \"gemini-2.5-pro\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.metadata.routing_decision.policy").value("static"))
        .andExpect(jsonPath("$.metadata.routing_decision.reason").value("request"));
  }
}
