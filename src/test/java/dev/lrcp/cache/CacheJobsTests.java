package dev.lrcp.cache;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lrcp.cluster.ClusterLease;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.TaskScheduler;

/** The shared cache table is trimmed by the cluster lease holder only. */
class CacheJobsTests {

  private final ResponseCache cache = mock(ResponseCache.class);
  private final ClusterLease lease = mock(ClusterLease.class);
  private final CacheJobs jobs =
      new CacheJobs(
          cache,
          new CacheProperties(true, Duration.ofHours(1), 100, 1000, null),
          mock(TaskScheduler.class),
          lease);

  @Test
  void onlyTheLeaseHolderTrimsTheSharedTable() {
    jobs.trim();
    verify(cache, never()).trim();

    when(lease.held()).thenReturn(true);
    jobs.trim();
    verify(cache).trim();
  }
}
