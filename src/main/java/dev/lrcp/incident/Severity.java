package dev.lrcp.incident;

/** SEV-1 is the most severe. */
public enum Severity {
  SEV_1,
  SEV_2,
  SEV_3;

  public String label() {
    return name().replace('_', '-');
  }

  static Severity of(String label) {
    return valueOf(label.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }

  Severity max(Severity other) {
    return ordinal() <= other.ordinal() ? this : other;
  }
}
