package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(QualityController.class)
@Import(QualityControllerTests.Config.class)
class QualityControllerTests {

  @TestConfiguration
  @EnableConfigurationProperties(QualityProperties.class)
  @Import({GroundingAnswerScorer.class, EmbeddingModelHolder.class})
  static class Config {}

  static final String DOCUMENT =
      "The Eiffel Tower is a wrought-iron lattice tower in Paris, France. It was designed by the"
          + " engineering company of Gustave Eiffel and completed in 1889 for the World's Fair. It"
          + " is 330 metres tall.";

  @Autowired MockMvcTester mvc;

  MvcTestResult post(String json) {
    return mvc.post()
        .uri("/quality/score")
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  double grounding(String answer) throws Exception {
    MvcTestResult r =
        post(
            """
            {"document": "%s", "question": "When was the Eiffel Tower completed?", "answer": "%s"}
            """
                .formatted(DOCUMENT, answer));
    assertThat(r).hasStatusOk();
    return Double.parseDouble(
        r.getMvcResult()
            .getResponse()
            .getContentAsString()
            .replaceAll(".*\"grounding_score\":([0-9.Ee-]+).*", "$1"));
  }

  @Test
  void groundedAndUngroundedAnswersScoreClearlyApart() throws Exception {
    double grounded = grounding("It was completed in 1889 for the World's Fair.");
    double ungrounded = grounding("It was completed in 1925 by Napoleon as a royal radio mast.");

    assertThat(grounded).isGreaterThan(ungrounded + 0.4);
  }

  @Test
  void saysWhichSimilarityTheScoresRestOn() {
    assertThat(
            post(
                """
                {"document": "%s", "answer": "It is 330 metres tall."}
                """
                    .formatted(DOCUMENT)))
        .bodyJson()
        .extractingPath("$.similarity")
        .isEqualTo("minilm");
  }

  @Test
  void flagsUngroundedAnswer() {
    assertThat(
            post(
                """
                {"document": "%s", "question": "Who designed it?", "answer": "Leonardo da Vinci designed it in 1503."}
                """
                    .formatted(DOCUMENT)))
        .bodyJson()
        .extractingPath("$.ungrounded")
        .isEqualTo(true);
  }

  @Test
  void withoutDocumentReportsRelevanceAndNoGrounding() {
    MvcTestResult r =
        post(
            """
            {"question": "When was the Eiffel Tower completed?", "answer": "In 1889."}
            """);

    assertThat(r).hasStatusOk();
    assertThat(r).bodyJson().extractingPath("$.grounding_score").isNull();
    assertThat(r).bodyJson().extractingPath("$.ungrounded").isEqualTo(false);
    assertThat(r).bodyJson().extractingPath("$.semantic_similarity").asNumber().isNotNull();
  }

  @Test
  void rejectsMissingAnswerAsProblem() {
    MvcTestResult r = post("{\"document\": \"text\", \"question\": \"q\"}");

    assertThat(r).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("urn:lrcp:problem:validation");
    assertThat(r).bodyJson().extractingPath("$.detail").asString().contains("answer");
  }

  @Test
  void rejectsRequestWithNeitherQuestionNorDocument() {
    assertThat(post("{\"answer\": \"42\"}")).hasStatus(400);
  }

  @Test
  void rejectsMalformedJsonAsProblem() {
    assertThat(post("{\"answer\": "))
        .hasStatus(400)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
