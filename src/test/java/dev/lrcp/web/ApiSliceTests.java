package dev.lrcp.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import dev.lrcp.health.HealthWindows;
import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.TokenUsage;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.routing.ModelChoices;
import dev.lrcp.routing.Overrides;
import dev.lrcp.security.SecurityScanner;
import dev.lrcp.security.SecurityVerdict;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One MVC slice shared by the endpoint tests (one cached context): the real controllers, call flow,
 * routing, scan and score stages, filters and advice, with the model port, scanner and scorer
 * mocked, and routing's database-backed overrides, model choices and live statistics mocked (none).
 * Only this area's packages are scanned, so other modules' web beans cannot break the slice.
 */
@WebMvcTest(
    useDefaultFilters = false,
    includeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern =
                "dev\\.lrcp\\.((qa|reasoning|stress|completion|flow|routing|web)\\.[A-Z].*"
                    + "|security\\.ScanStage|quality\\.ScoreStage|llm\\.LlmProperties)"),
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern =
                "dev\\.lrcp\\.(web\\.Theater.*"
                    + "|routing\\.(RoutingController|OverrideController|OverrideStore|Overrides"
                    + "|ModelChoiceStore|ModelChoices))"))
@Import({SliceCatalog.class, Deadlines.class})
abstract class ApiSliceTests {

  static final SecurityVerdict CLEAN =
      new SecurityVerdict(0.01, false, null, Set.of(), false, null);

  @Autowired MockMvc mvc;

  @MockitoBean SecurityScanner scanner;

  @MockitoBean AnswerScorer scorer;

  @MockitoBean LlmClient llm;

  @MockitoBean Overrides overrides;

  @MockitoBean ModelChoices choices;

  @MockitoBean HealthWindows windows;

  @BeforeEach
  void cleanScanScoreAndEcho() {
    stubDefaults();
  }

  /** Clean scan, fixed scores, and a model that echoes which model ran and what it was sent. */
  void stubDefaults() {
    doReturn(CLEAN).when(scanner).scan(anyString(), any(), anyString());
    doAnswer(
            inv -> {
              AnswerScorer.ScoringInput in = inv.getArgument(0);
              return new QualityScores(
                  0.9, in.document() == null ? null : 0.8, false, in.answer().split(" ").length);
            })
        .when(scorer)
        .score(any());
    doAnswer(inv -> echo(inv.getArgument(0))).when(llm).generate(any());
  }

  static LlmResponse echo(dev.lrcp.llm.LlmRequest request) {
    String sent = request.messages().stream().map(Message::content).findFirst().orElse("");
    return LlmResponse.of(
        "model=" + request.model() + " sent=" + sent,
        request.model(),
        "fake",
        new TokenUsage(1000, 100, 0),
        "STOP");
  }
}
