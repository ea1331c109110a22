package dev.lrcp.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Failure Theater in headless Chromium against the packaged jar: the page is served at {@code
 * /theater/}, shows the live health score, and a click on Latency Spike sends real traffic that
 * lowers the score and opens an incident, which the score card then names as what caps its status
 * and whose runbook step a click on Apply carries out. Any uncaught exception or console error in
 * the browser fails the test it happens in (React reports a hydration mismatch that way).
 * Screenshots go to {@code target/screenshots/}.
 */
class TheaterBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static RunningService service;
  private static WebDriver driver;
  private static Path profile;
  private static PageErrors pageErrors;

  @BeforeAll
  static void startServiceAndBrowser() throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (ci) {
      assertThat(installed).as("chromium and chromedriver are required in CI").isTrue();
    }
    assumeThat(installed).as("chromium + chromium-driver installed (apt)").isTrue();
    // No simulated model latency, so normal calls are fast; simulate_latency still injects its
    // default 3.5 s per call, past the 3,000 ms p95 SLO.
    service = RunningService.start("theater-browser", Map.of("LRCP_SIMULATED_LATENCY_SCALE", "0"));
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1440,1600",
        "--user-data-dir=" + profile);
    options.enableBiDi();
    ChromeDriverService driverService =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(driverService, options);
    pageErrors = new PageErrors(driver);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (pageErrors != null) {
        pageErrors.assertNone(); // what arrived after the last test's check
      }
    } finally {
      if (pageErrors != null) {
        pageErrors.close();
      }
      if (driver != null) {
        driver.quit();
      }
      if (service != null) {
        service.close();
      }
    }
  }

  @AfterEach
  void screenshotAndCheckTheConsole(TestInfo test) throws Exception {
    if (driver != null) {
      save(test.getTestMethod().orElseThrow().getName());
      pageErrors.assertNone();
    }
  }

  @Test
  void aPageThatThrowsOrLogsAnErrorFailsTheCheck() throws Exception {
    String page =
        "<script>console.error('deliberate console error');"
            + "Promise.reject(new Error('deliberate rejection'));"
            + "throw new Error('deliberate exception');</script>";
    driver.get("data:text/html," + URLEncoder.encode(page, UTF_8).replace("+", "%20"));

    assertThatThrownBy(pageErrors::assertNone)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("3 page error(s)")
        .hasMessageContaining("console.error deliberate console error")
        .hasMessageContaining("uncaught Error: deliberate rejection")
        .hasMessageContaining("uncaught Error: deliberate exception");
  }

  @Test
  void servesTheUiAtTheaterWithoutTouchingTheServiceRoot() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<Void> bare =
        http.send(
            HttpRequest.newBuilder(service.uri("/theater")).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/theater/"));
    HttpResponse<Void> route =
        http.send(
            HttpRequest.newBuilder(service.uri("/theater/_not-found/")).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(route.statusCode()).isEqualTo(200);
  }

  @Test
  void latencySpikeLowersTheLiveScoreAndOpensAnIncident() throws Exception {
    // The JVM's first LLM call is slow (class loading, tokenizer); alone it would dominate the p95
    // of the baseline below, so it is made before the page's traffic.
    warmUp();
    driver.get(service.baseUrl() + "/theater/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Failure Theater"));
    // the page follows GET /insights/stream (it says "polling" when it had to fall back)
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=connection]"), "connected · live push stream"));

    // A fresh service has no calls in its window, so it has no score: establish a baseline first.
    runScenario("normal", wait);
    double baseline = waitForNumericScore(wait);

    runScenario("latency", new WebDriverWait(driver, Duration.ofSeconds(90)));
    WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(90));
    slow.until(d -> score(d) != null && score(d) < baseline);
    slow.until(d -> !d.findElements(By.cssSelector("[data-testid=incident-item]")).isEmpty());

    WebElement incident = driver.findElement(By.cssSelector("[data-testid=incident-item]"));
    assertThat(incident.getText()).containsIgnoringCase("runbook");
    assertThat(score(driver)).isLessThan(baseline);

    // the score card agrees with the incident: not healthy, and it names the incident capping it
    slow.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=status-cap-title]"), "p95 latency"));
    String status = driver.findElement(By.cssSelector("[data-testid=health-status]")).getText();
    assertThat(status).isIn("degraded", "critical");
    assertThat(driver.findElement(By.cssSelector("[data-testid=status-cap]")).getText())
        .contains(status + " while this incident is open (on ")
        .containsPattern("SEV-[123]");
    save("latency-spike");
  }

  @Test
  void applyingARunbookStepSwitchesTheTrafficAndShowsOnTheTimeline() throws Exception {
    warmUp();
    driver.get(service.baseUrl() + "/theater/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=connection]"), "connected"));
    By apply = By.cssSelector("[data-testid=incident-item] [data-testid^=apply-step-]");
    if (driver.findElements(apply).isEmpty()) { // no latency incident from an earlier test
      runScenario("normal", wait);
      runScenario("latency", new WebDriverWait(driver, Duration.ofSeconds(90)));
    }
    WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(90));
    WebElement button = slow.until(ExpectedConditions.elementToBeClickable(apply));
    String step = button.getAttribute("data-testid").replace("apply-step-", "");

    button.click();

    WebElement applied =
        slow.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(
                    "[data-testid=incident-item] [data-testid=applied-step-" + step + "]")));
    assertThat(applied.getText()).contains("applied").contains("gemini-2.5-flash");
    slow.until(
        d ->
            !d.findElements(
                    By.cssSelector(
                        "[data-testid=incident-item] [data-testid=incident-timeline] [data-kind=action]"))
                .isEmpty());
    // the traffic really moved: the service lists the override the click created
    HttpResponse<String> overrides =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(service.uri("/routing/overrides")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(overrides.body()).contains("\"model\":\"gemini-2.5-flash\"").contains("/reason");
    save("runbook-applied");
  }

  private static void warmUp() throws Exception {
    HttpRequest qa =
        HttpRequest.newBuilder(service.uri("/qa"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"What is p95?\"}"))
            .build();
    HttpResponse<String> res =
        HttpClient.newHttpClient().send(qa, HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
  }

  private static void runScenario(String id, WebDriverWait wait) {
    WebElement button = driver.findElement(By.cssSelector("[data-testid=scenario-" + id + "]"));
    wait.until(ExpectedConditions.elementToBeClickable(button));
    button.click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=scenario-result] h3"), "(finished)"));
    String statuses =
        driver.findElement(By.cssSelector("[data-testid=scenario-statuses]")).getText();
    assertThat(statuses).as("responses of scenario %s", id).contains("HTTP 200");
  }

  private static double waitForNumericScore(WebDriverWait wait) {
    return wait.until(TheaterBrowserIT::score);
  }

  /** The score on the page, or null while it shows none ("—"). */
  private static Double score(WebDriver d) {
    List<WebElement> el = d.findElements(By.cssSelector("[data-testid=health-score]"));
    if (el.isEmpty()) {
      return null;
    }
    String text = el.get(0).getText().replace(",", "");
    return text.matches("\\d+(\\.\\d+)?") ? Double.valueOf(text) : null;
  }

  private static void save(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        png.toPath(),
        SCREENSHOTS.resolve("theater-" + name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
