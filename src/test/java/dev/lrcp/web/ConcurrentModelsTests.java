package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The original mutated one shared client's model per request, so concurrent requests could run on
 * another request's model. Here every call holds all others in flight at once (a barrier, not a
 * sleep) and each response must carry its own model and its own question back.
 */
class ConcurrentModelsTests extends ApiSliceTests {

  static final List<String> MODELS =
      List.of(
          "gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gpt-4o", "gpt-4o-mini");
  static final int REQUESTS = 20;

  @Test
  void concurrentRequestsSelectingDifferentModelsNeverCross() throws Exception {
    var allInFlight = new CyclicBarrier(REQUESTS);
    LlmClient echoModel =
        (LlmRequest request) -> {
          await(allInFlight);
          return echo(request);
        };
    doAnswer(inv -> echoModel.generate(inv.getArgument(0))).when(llm).generate(any());

    try (var pool = Executors.newFixedThreadPool(REQUESTS)) {
      List<Future<String[]>> results = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String model = MODELS.get(i % MODELS.size());
        String question = "question-" + i;
        results.add(pool.submit(() -> ask(model, question)));
      }
      for (int i = 0; i < REQUESTS; i++) {
        String[] modelAndAnswer = results.get(i).get(30, TimeUnit.SECONDS);
        String model = MODELS.get(i % MODELS.size());
        assertThat(modelAndAnswer[0]).isEqualTo(model);
        assertThat(modelAndAnswer[1])
            .isEqualTo("model=" + model + " sent=Q: question-" + i + "\nContext: N/A");
      }
    }
  }

  private String[] ask(String model, String question) throws Exception {
    String body =
        mvc.perform(
                post("/qa")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"question\": \"" + question + "\", \"model\": \"" + model + "\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return new String[] {
      JsonPath.read(body, "$.metadata.model"), JsonPath.read(body, "$.answer"),
    };
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("requests did not overlap", e);
    }
  }
}
