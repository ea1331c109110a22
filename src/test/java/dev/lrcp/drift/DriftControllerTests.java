package dev.lrcp.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(DriftController.class)
class DriftControllerTests {

  @Autowired MockMvcTester mvc;

  MvcTestResult post(String json) {
    return mvc.post()
        .uri("/quality/drift")
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  @Test
  void aDropInTheStreamIsWarnedWhereALiveDetectorWouldHaveWarned() {
    double[] scores = new BetaScores(7).stream(1_500, 0.85, 0.65, 800);
    int expected = ScoreDriftDetector.scan(scores).get(0).index();
    String body =
        Arrays.stream(scores)
            .mapToObj(Double::toString)
            .collect(Collectors.joining(",", "{\"scores\": [", "]}"));

    MvcTestResult r = post(body);

    assertThat(r).hasStatusOk();
    assertThat(r).bodyJson().extractingPath("$.warnings[0].index").isEqualTo(expected);
    assertThat(r).bodyJson().extractingPath("$.warnings[0].direction").isEqualTo("down");
    assertThat(r).bodyJson().extractingPath("$.warnings[0].magnitude").asNumber().isNotNull();
    assertThat(r).bodyJson().extractingPath("$.reference_size").isEqualTo(300);
  }

  @Test
  void aScoreOutsideTheUnitIntervalIsAValidationProblemNamingIt() {
    MvcTestResult r = post("{\"scores\": [0.5, 0.7, 1.5]}");

    assertThat(r).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(r).bodyJson().extractingPath("$.errors[0].field").asString().startsWith("scores[2]");
    assertThat(post("{\"scores\": []}")).hasStatus(400);
    assertThat(post("{\"scores\": [0.5, null]}")).hasStatus(400);
  }
}
