package dev.lrcp.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(ForecastController.class)
class ForecastControllerTests {

  static final long START = 1_790_000_000L - Math.floorMod(1_790_000_000L, 86_400);

  @Autowired MockMvcTester mvc;

  MvcTestResult post(String json) {
    return mvc.post()
        .uri("/insights/forecast")
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  static String points(int n, long interval) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                "{\"timestamp\": \"%s\", \"value\": %.3f}"
                    .formatted(
                        Instant.ofEpochSecond(START + i * interval),
                        50 + 20 * Math.sin(2 * Math.PI * i / 24) + (i * 7919 % 13)))
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void forecastsThreeWeeksOfHourlyPointsWithIntervalsAndABacktest() {
    MvcTestResult r = post("{\"points\": %s, \"horizon\": 24}".formatted(points(3 * 168, 3600)));

    assertThat(r).hasStatusOk();
    assertThat(r).bodyJson().extractingPath("$.method").isEqualTo("holt_winters_daily_weekly");
    assertThat(r).bodyJson().extractingPath("$.forecast.length()").isEqualTo(24);
    assertThat(r)
        .bodyJson()
        .extractingPath("$.forecast[0].timestamp")
        .isEqualTo(Instant.ofEpochSecond(START + 3 * 168 * 3600).toString());
    assertThat(r).bodyJson().extractingPath("$.forecast[0].upper95").asNumber().isNotNull();
    assertThat(r)
        .bodyJson()
        .extractingPath("$.backtest.seasonal_naive_mase")
        .asNumber()
        .isNotNull();
    assertThat(r).bodyJson().extractingPath("$.backtest.coverage80").asNumber().isNotNull();
  }

  @Test
  void aShortSeriesSaysItFellBack() {
    MvcTestResult r = post("{\"points\": %s, \"horizon\": 3}".formatted(points(10, 3600)));

    assertThat(r).hasStatusOk();
    assertThat(r).bodyJson().extractingPath("$.method").isEqualTo("drift");
    assertThat(r).bodyJson().extractingPath("$.note").asString().contains("less than one season");
    assertThat(r).bodyJson().extractingPath("$.backtest").isNull();
  }

  @Test
  void anOutOfRangeHorizonIsAValidationProblemNamingIt() {
    MvcTestResult r = post("{\"points\": %s, \"horizon\": 0}".formatted(points(10, 3600)));

    assertThat(r).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("horizon");
  }

  @Test
  void timestampsOutOfOrderAreUnprocessableNamingThePoint() {
    String json =
        """
        {"points": [{"timestamp": "2026-11-01T02:00:00Z", "value": 1},
                    {"timestamp": "2026-11-01T01:00:00Z", "value": 2},
                    {"timestamp": "2026-11-01T03:00:00Z", "value": 3}], "horizon": 2}
        """;

    MvcTestResult r = post(json);

    assertThat(r).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("urn:lrcp:problem:unprocessable");
    assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("points[1].timestamp");
  }

  @Test
  void unevenSpacingAndUnreadableTimestampsAreUnprocessable() {
    String uneven =
        """
        {"points": [{"timestamp": "2026-11-01 00:00:00", "value": 1},
                    {"timestamp": "2026-11-01 01:00:00", "value": 2},
                    {"timestamp": "2026-11-01 05:00:00", "value": 3},
                    {"timestamp": "2026-11-01 09:00:00", "value": 3}], "horizon": 2}
        """;
    String unreadable =
        """
        {"points": [{"timestamp": "yesterday", "value": 1}, {"timestamp": "1790000000", "value": 2},
                    {"timestamp": "1790003600", "value": 3}], "horizon": 2}
        """;

    assertThat(post(uneven)).hasStatus(422);
    assertThat(post(unreadable)).hasStatus(422);
    assertThat(post(unreadable))
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("yesterday");
  }

  @Test
  void valuesAndTimesBeyondWhatTheEnginesHandleAreUnprocessable() {
    String huge =
        """
        {"points": [{"timestamp": "2026-11-01T00:00:00Z", "value": 1e300},
                    {"timestamp": "2026-11-01T01:00:00Z", "value": 1},
                    {"timestamp": "2026-11-01T02:00:00Z", "value": 1}], "horizon": 2}
        """;
    String farFuture =
        """
        {"points": [{"timestamp": "+999999-01-01T00:00:00Z", "value": 1},
                    {"timestamp": "+999999-01-01T01:00:00Z", "value": 1},
                    {"timestamp": "+999999-01-01T02:00:00Z", "value": 1}], "horizon": 2}
        """;

    assertThat(post(huge)).hasStatus(422);
    assertThat(post(huge))
        .bodyJson()
        .extractingPath("$.errors[0].field")
        .isEqualTo("points[0].value");
    assertThat(post(farFuture)).hasStatus(422);
  }

  @Test
  void oddBodiesAreProblemsNeverServerErrors() {
    List<String> bodies =
        List.of(
            "[]",
            "null",
            "{\"points\": {}, \"horizon\": 2}",
            "{\"points\": [null, null, null], \"horizon\": 2}",
            "{\"points\": [[1, 2], [3, 4], [5, 6]], \"horizon\": 2}",
            "{\"points\": \"abc\", \"horizon\": 2}",
            "{\"points\": %s, \"horizon\": \"many\"}".formatted(points(5, 3600)),
            "{\"points\": %s, \"horizon\": 1e10}".formatted(points(5, 3600)),
            "{\"points\": %s, \"horizon\": -3}".formatted(points(5, 3600)),
            "{\"points\": [{\"timestamp\": 17, \"value\": 1}, {\"timestamp\": 18, \"value\": 1},"
                + " {\"timestamp\": \"\", \"value\": 1}], \"horizon\": 1}");

    for (String body : bodies) {
      MvcTestResult r = post(body);
      assertThat(r.getResponse().getStatus()).as(body).isBetween(400, 499);
      assertThat(r).as(body).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void missingPointsAndMalformedJsonAreValidationProblems() {
    assertThat(post("{\"horizon\": 3}")).hasStatus(400);
    assertThat(post("{\"points\": [{\"timestamp\": \"2026-11-01T00:00:00Z\"}], \"horizon\": 3}"))
        .hasStatus(400);
    assertThat(post("{\"points\": "))
        .hasStatus(400)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
