package dev.lrcp.llm;

/**
 * One timer for the tests that build clients by hand (each wheel is a thread; Netty warns when a
 * JVM makes many). The service itself has one per application context.
 */
public final class SharedDeadlines {

  public static final Deadlines INSTANCE = new Deadlines();

  private SharedDeadlines() {}
}
