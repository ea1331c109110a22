package dev.lrcp.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.bidi.log.BaseLogEntry;
import org.openqa.selenium.bidi.log.LogLevel;
import org.openqa.selenium.bidi.log.StackFrame;
import org.openqa.selenium.bidi.module.LogInspector;

/**
 * Every uncaught exception, unhandled rejection and console error of the pages a driver loads. The
 * browser pushes them over WebDriver BiDi (the driver needs {@code enableBiDi()}) from before the
 * first script runs, so errors thrown during hydration or on a page already left are kept too; a
 * {@code window.onerror} collector read from the page would lose those of every page navigated away
 * from.
 */
final class PageErrors implements AutoCloseable {

  private static final Duration DELIVERY = Duration.ofSeconds(10);
  private static final String BARRIER_PREFIX = "page-errors-barrier-";

  private final WebDriver driver;
  private final LogInspector inspector;
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> barriers = new LinkedBlockingQueue<>();
  private final AtomicInteger nextBarrier = new AtomicInteger();

  PageErrors(WebDriver driver) {
    this.driver = driver;
    this.inspector = new LogInspector(driver);
    inspector.onJavaScriptException(e -> errors.add("uncaught " + describe(e)));
    inspector.onConsoleEntry(
        e -> {
          String text = String.valueOf(e.getText());
          if (text.startsWith(BARRIER_PREFIX)) {
            barriers.add(text);
          } else if (e.getLevel() == LogLevel.ERROR) {
            errors.add("console." + e.getMethod() + " " + describe(e));
          }
        });
  }

  /** Fails with every error reported since the last call, and forgets them. */
  void assertNone() throws InterruptedException {
    awaitDelivery();
    List<String> seen = new ArrayList<>(errors);
    errors.removeAll(seen);
    if (!seen.isEmpty()) {
      throw new AssertionError(
          seen.size() + " page error(s) in the browser:\n  " + String.join("\n  ", seen));
    }
  }

  /**
   * Events arrive asynchronously: a marker logged now is delivered after everything the pages
   * reported before it, so once it is here, so are they.
   */
  private void awaitDelivery() throws InterruptedException {
    String marker = BARRIER_PREFIX + nextBarrier.incrementAndGet();
    ((JavascriptExecutor) driver).executeScript("console.debug(arguments[0])", marker);
    Instant deadline = Instant.now().plus(DELIVERY);
    String arrived;
    do {
      long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      arrived = barriers.poll(left, TimeUnit.MILLISECONDS);
      if (arrived == null) {
        throw new AssertionError("the browser's log events stopped arriving (BiDi): " + marker);
      }
    } while (!arrived.equals(marker));
  }

  private static String describe(BaseLogEntry entry) {
    String where =
        entry.getStackTrace() == null || entry.getStackTrace().getCallFrames().isEmpty()
            ? ""
            : " at " + frame(entry.getStackTrace().getCallFrames().get(0));
    return entry.getText() + where;
  }

  private static String frame(StackFrame f) {
    return f.getUrl() + ":" + (f.getLineNumber() + 1) + ":" + (f.getColumnNumber() + 1);
  }

  @Override
  public void close() {
    inspector.close();
  }
}
