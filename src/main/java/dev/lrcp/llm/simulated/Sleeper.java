package dev.lrcp.llm.simulated;

import java.time.Duration;

/** Lets the simulated latency pass; injected so tests observe delays instead of waiting. */
@FunctionalInterface
interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d);

  void sleep(Duration duration) throws InterruptedException;
}
