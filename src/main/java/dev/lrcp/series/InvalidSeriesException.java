package dev.lrcp.series;

/** A series that parses but cannot be analysed (order, spacing, values); the caller's to fix. */
public class InvalidSeriesException extends RuntimeException {

  private final String field;
  private final String problem;

  public InvalidSeriesException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String problem() {
    return problem;
  }

  public String field() {
    return field;
  }
}
