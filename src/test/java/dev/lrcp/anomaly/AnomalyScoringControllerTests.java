package dev.lrcp.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(AnomalyScoringController.class)
class AnomalyScoringControllerTests {

  @Autowired MockMvcTester mvc;

  MvcTestResult post(String json) {
    return mvc.post()
        .uri("/insights/anomalies")
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  /** Five-minute points of a daily wave with a spike at {@code spike}. */
  static String points(int n, int spike) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                "{\"timestamp\":\"%s\",\"value\":%.2f}"
                    .formatted(
                        Instant.ofEpochSecond(1_790_000_000L + 300L * i),
                        100
                            + 30 * Math.sin(2 * Math.PI * i / 288)
                            + (i * 7919 % 11)
                            + (i == spike ? 200 : 0)))
        .collect(Collectors.joining(",", "{\"points\":[", "]}"));
  }

  @Test
  void scoresTwentyFiveThousandPointsAndFlagsTheSpike() {
    MvcTestResult r = post(points(25_000, 20_000));

    assertThat(r).hasStatusOk();
    assertThat(r).bodyJson().extractingPath("$.scores.length()").isEqualTo(25_000);
    assertThat(r).bodyJson().extractingPath("$.scores[20000].anomaly").isEqualTo(true);
    assertThat(r).bodyJson().extractingPath("$.scores[20000].anomaly_score").asNumber().isNotNull();
    assertThat(r)
        .bodyJson()
        .extractingPath("$.scores[0].timestamp")
        .isEqualTo(Instant.ofEpochSecond(1_790_000_000L).toString());
    assertThat(r).bodyJson().extractingPath("$.alert_threshold").isEqualTo(0.5);
  }

  @Test
  void timestampsAreEchoedAsSent() {
    MvcTestResult r =
        post(
            """
            {"points": [{"timestamp": "2014-07-01 00:00:00", "value": 1},
                        {"timestamp": "2014-07-01 00:30:00", "value": 2}]}
            """);

    assertThat(r)
        .bodyJson()
        .extractingPath("$.scores[1].timestamp")
        .isEqualTo("2014-07-01 00:30:00");
  }

  @Test
  void aRepeatedTimestampIsScoredAsItArrived() {
    MvcTestResult repeated =
        post(
            """
            {"points": [{"timestamp": "2014-07-01 00:00:00", "value": 1},
                        {"timestamp": "2014-07-01 00:00:00", "value": 2}]}
            """);

    assertThat(repeated).hasStatusOk();
    assertThat(repeated).bodyJson().extractingPath("$.scores.length()").isEqualTo(2);
  }

  @Test
  void badPointsAreProblemsNamingThem() {
    MvcTestResult unreadable =
        post(
            """
            {"points": [{"timestamp": "2014-07-01 00:00:00", "value": 1},
                        {"timestamp": "July 1st", "value": 2}]}
            """);

    assertThat(unreadable).hasStatus(422);
    assertThat(unreadable)
        .bodyJson()
        .extractingPath("$.errors[0].field")
        .isEqualTo("points[1].timestamp");
    assertThat(post("{\"points\": []}")).hasStatus(400);
    assertThat(post("{\"points\": [{\"timestamp\": \"2014-07-01\", \"value\": \"high\"}]}"))
        .hasStatus(400)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
