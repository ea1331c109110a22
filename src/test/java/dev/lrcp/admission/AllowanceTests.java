package dev.lrcp.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One replica's share of a quota: reservations, settlements, overruns and reports. */
class AllowanceTests {

  static final Quota.Subject KEY = new Quota.Subject("key", "k1", "bot", "shop");

  static Quota budget(long limit) {
    return new Quota(KEY, Quota.Kind.BUDGET, "day", "2026-12-07", limit, 1_000, 2_000);
  }

  @Test
  void reservationsComeOnlyFromTheLeaseAndUnusedPartsReturnOnSettlement() {
    var a = new Allowance(budget(1_000));
    assertThat(a.tryReserve(10)).as("nothing leased yet").isFalse();
    a.granted(100, 100);
    assertThat(a.tryReserve(60)).isTrue();
    assertThat(a.tryReserve(60)).as("40 left").isFalse();
    assertThat(a.shortOf(60)).isEqualTo(20);
    a.settle(60, 25);
    assertThat(a.tryReserve(60)).as("35 returned").isTrue();
    assertThat(a.remaining()).isEqualTo(1_000 - 100 + 15);
  }

  @Test
  void aCallThatCostMoreThanItReservedIsReportedAsAnOverrun() {
    var a = new Allowance(budget(1_000));
    a.granted(50, 50);
    assertThat(a.tryReserve(50)).isTrue();
    a.settle(50, 70);
    Allowance.Report report = a.drain(false);
    assertThat(report.spent()).isEqualTo(70);
    assertThat(report.committed()).as("20 beyond the lease").isEqualTo(20);
    assertThat(a.drain(false).empty()).isTrue();
  }

  @Test
  void anIdleBudgetLeaseIsHandedBackAndARetiredAllowanceIsNeverUsedAgain() {
    var a = new Allowance(budget(1_000));
    a.granted(100, 100);
    assertThat(a.tryReserve(30)).isTrue();
    a.settle(30, 30);
    assertThat(a.drain(false).committed()).as("used since the last report: kept").isZero();
    Allowance.Report idle = a.drain(false);
    assertThat(idle.committed()).as("idle: the 70 left go back").isEqualTo(-70);
    assertThat(a.retireIfIdle(0)).isTrue();
    a.granted(10, 10);
    assertThat(a.tryReserve(1)).isFalse();
  }

  @Test
  void rateWindowsReportNoSpendAndKeepTheirLease() {
    var q = new Quota(KEY, Quota.Kind.REQUESTS, "minute", "1", 60, 1_000, 2_000);
    var a = new Allowance(q);
    a.granted(3, 3);
    assertThat(a.tryReserve(1)).isTrue();
    a.settle(1, 1);
    assertThat(a.drain(false).empty()).isTrue();
    assertThat(a.drain(false).empty()).isTrue();
    assertThat(a.tryReserve(2)).isTrue();
  }

  @Test
  void aFailedReportIsKeptForTheNextOne() {
    var a = new Allowance(budget(1_000));
    a.granted(100, 100);
    a.tryReserve(100);
    a.settle(100, 130);
    Allowance.Report report = a.drain(false);
    a.restore(report);
    Allowance.Report again = a.drain(false);
    assertThat(again.spent()).isEqualTo(130);
    assertThat(again.committed()).isEqualTo(30);
  }
}
