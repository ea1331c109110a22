package dev.lrcp.admission;

import java.util.Locale;

/**
 * One limit of one subject in one period, as the ledger keys it: scope {@code key:<id>:budget},
 * period {@code day:2026-12-07}; or scope {@code application:shop:requests}, period {@code
 * minute:29408160}.
 *
 * @param window {@code day}, {@code month} or {@code minute}
 * @param period the window's instance, e.g. {@code 2026-12-07}
 * @param limit in nano-USD, requests or tokens
 * @param resetAtMs when the window ends
 * @param expiresAtMs when the ledger row may be deleted
 */
record Quota(
    Subject subject,
    Kind kind,
    String window,
    String period,
    long limit,
    long resetAtMs,
    long expiresAtMs) {

  /** What a quota counts. */
  enum Kind {
    BUDGET,
    REQUESTS,
    TOKENS;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whose quota: a virtual key or an application.
   *
   * @param type {@code key} or {@code application}
   * @param id the key's id or the application's name
   * @param name how messages name it: the key's name, or the application
   * @param application the application label of the calls it covers, or null
   */
  record Subject(String type, String id, String name, String application) {

    static Subject key(VirtualKey key) {
      return new Subject("key", key.id(), key.name(), key.application());
    }

    static Subject application(String application) {
      return new Subject("application", application, application, application);
    }

    /** For messages: {@code key 'ci-bot'}. */
    String describe() {
      return type + " '" + name + "'";
    }
  }

  String scope() {
    return subject.type() + ":" + subject.id() + ":" + kind.tag();
  }

  String ledgerPeriod() {
    return window + ":" + period;
  }

  String id() {
    return scope() + "|" + ledgerPeriod();
  }
}
