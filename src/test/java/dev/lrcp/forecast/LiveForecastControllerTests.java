package dev.lrcp.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.health.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(LiveForecastController.class)
@Import(LiveForecastControllerTests.Config.class)
class LiveForecastControllerTests {

  @TestConfiguration
  static class Config {
    @Bean
    LiveForecasts liveForecasts() {
      int hours = LiveForecastsTests.HOURS;
      var clock =
          new MutableClock(LiveForecastsTests.FIRST.plus(Duration.ofHours(hours).plusMinutes(30)));
      var totals = new FakeHourlyTotals(LiveForecastsTests.FIRST, hours, s -> true);
      return new LiveForecasts(totals, LiveForecastsTests.STORAGE, clock);
    }
  }

  @Autowired MockMvcTester mvc;

  MvcTestResult get(String query) {
    return mvc.get().uri("/insights/forecast?" + query).exchange();
  }

  @Test
  void forecastsTheServicesSpendTwoDaysAheadWithTheMonthsProjection() {
    MvcTestResult r = get("metric=cost&horizon=2d&endpoint=/qa");

    assertThat(r).hasStatusOk();
    assertThat(r).bodyJson().extractingPath("$.scope").isEqualTo("endpoint:/qa");
    assertThat(r).bodyJson().extractingPath("$.forecast.length()").isEqualTo(48);
    assertThat(r).bodyJson().extractingPath("$.method").isEqualTo("holt_winters_daily");
    assertThat(r).bodyJson().extractingPath("$.backtest.coverage80").isNotNull();
    assertThat(r).bodyJson().extractingPath("$.total.upper80").isNotNull();
    assertThat(r)
        .bodyJson()
        .extractingPath("$.month.summary")
        .asString()
        .startsWith("at this rate the 2026-11 spend reaches $");
  }

  @Test
  void requestsAndTokensHaveNoMonthlyProjection() {
    MvcTestResult r = get("metric=tokens&horizon=24h");

    assertThat(r).hasStatusOk();
    assertThat(r).bodyJson().extractingPath("$.unit").isEqualTo("tokens");
    assertThat(r).bodyJson().extractingPath("$.month").isNull();
  }

  @Test
  void aHorizonOutsideOneToSevenDaysOrAnUnknownMetricIsA400NamingIt() {
    for (String bad : new String[] {"horizon=23h", "horizon=169h", "horizon=8d", "horizon=24"}) {
      MvcTestResult r = get("metric=cost&" + bad);
      assertThat(r).as(bad).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("horizon");
    }
    assertThat(get("metric=latency"))
        .bodyJson()
        .extractingPath("$.errors[0].field")
        .isEqualTo("metric");
  }
}
