package dev.lrcp.telemetry;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %redactedMsg} for the readable console format: the message after {@link Redactor}. */
public final class RedactingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Redactor.redact(super.convert(event));
  }
}
