package dev.lrcp.series;

/** A series that parses but cannot be analysed (order, spacing, values); the caller's to fix. */
public class InvalidSeriesException extends RuntimeException {

  private final String field;

  public InvalidSeriesException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
