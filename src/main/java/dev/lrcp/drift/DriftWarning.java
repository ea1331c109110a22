package dev.lrcp.drift;

/**
 * A drift the detector would have raised live at {@code index} (the index of the score that tipped
 * it): the direction, the size of the shift in score units (mean since the estimated start of the
 * change minus the reference mean, as an absolute value), that estimated start, and the reference
 * mean the change is measured against.
 */
record DriftWarning(int index, Direction direction, double magnitude, int since, double reference) {

  enum Direction {
    DOWN,
    UP
  }
}
