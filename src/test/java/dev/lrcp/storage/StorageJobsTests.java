package dev.lrcp.storage;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lrcp.cluster.ClusterLease;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.TaskScheduler;

/** Partitions, rollups and retention run on the cluster lease holder only. */
class StorageJobsTests {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private final StorageMaintenance maintenance = mock(StorageMaintenance.class);
  private final ClusterLease lease = mock(ClusterLease.class);
  private final StorageJobs jobs =
      new StorageJobs(
          mock(CallRecordWriter.class),
          maintenance,
          new Binder(new MapConfigurationPropertySource(Map.of()))
              .bindOrCreate("lrcp.storage", StorageProperties.class),
          event -> {},
          mock(TaskScheduler.class),
          new StaticListableBeanFactory(Map.of("clock", Clock.fixed(NOW, ZoneOffset.UTC)))
              .getBeanProvider(Clock.class),
          lease);

  @Test
  void aReplicaWithoutTheLeaseLeavesMaintenanceToTheHolder() {
    jobs.maintain();

    verify(maintenance, never()).run(any());
  }

  @Test
  void theLeaseHolderMaintainsTheStorage() {
    when(lease.held()).thenReturn(true);

    jobs.maintain();

    verify(maintenance).run(NOW);
  }
}
