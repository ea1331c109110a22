package dev.lrcp.datadog;

/** A monitor group's status, least severe first, as Datadog ranks them in composites. */
enum ReplayStatus {
  OK,
  NO_DATA,
  WARN,
  ALERT;

  boolean alertWorthy() {
    return this != OK;
  }

  boolean triggered() {
    return this == WARN || this == ALERT;
  }
}
