package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** What routing does with its overrides while the database cannot be read. */
class OverridesRefreshTests {

  static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void theLastOverridesReadStayInForceWhileTheDatabaseCannotBeRead() {
    var store = mock(OverrideStore.class);
    var override =
        new RoutingOverride(
            "ovr-1",
            "/reason",
            null,
            "gemini-2.5-flash",
            "pro is slow",
            "key:abc",
            T,
            T.plus(Duration.ofMinutes(30)),
            null,
            null,
            "api",
            List.of());
    when(store.active(any()))
        .thenReturn(List.of(override))
        .thenThrow(new DataAccessResourceFailureException("The database has been closed"));
    var overrides =
        new Overrides(store, null, null, null, Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC));
    overrides.refresh();

    overrides.refresh(); // the database is gone: logged, not thrown

    assertThat(overrides.find("/reason", null)).contains(override);
  }
}
