package dev.lrcp.resilience;

import java.time.Duration;

/** Waits between retries and for injected latency; tests inject a recorder instead. */
@FunctionalInterface
interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d);

  void sleep(Duration duration) throws InterruptedException;
}
