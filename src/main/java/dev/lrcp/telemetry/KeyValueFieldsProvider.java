package dev.lrcp.telemetry;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an event's key-value pairs as top-level JSON fields, like the encoder's own provider (null
 * keys and values left out), but strings, numbers and booleans directly instead of through a
 * serializer lookup per value: that lookup was half the cost of encoding an {@code llm_call} line.
 * Other values still go through the object mapper. Values pass the masking decorator as before.
 */
public final class KeyValueFieldsProvider extends AbstractJsonProvider<ILoggingEvent> {

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    var pairs = event.getKeyValuePairs();
    if (pairs == null) {
      return;
    }
    for (KeyValuePair pair : pairs) {
      if (pair.key != null && pair.value != null) {
        generator.writeName(pair.key);
        write(generator, pair.value);
      }
    }
  }

  private static void write(JsonGenerator generator, Object value) {
    switch (value) {
      case String s -> generator.writeString(s);
      case Integer i -> generator.writeNumber(i);
      case Long l -> generator.writeNumber(l);
      case Double d -> generator.writeNumber(d);
      case Boolean b -> generator.writeBoolean(b);
      default -> generator.writePOJO(value);
    }
  }
}
