package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lrcp.cluster.ClusterLease;
import dev.lrcp.health.OpenIncidents;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.TaskScheduler;

/** Rules, actions and retention run on the lease holder only; every replica follows incidents. */
class IncidentJobsTests {

  private final IncidentEvaluator evaluator = mock(IncidentEvaluator.class);
  private final IncidentActions actions = mock(IncidentActions.class);
  private final IncidentStore store = mock(IncidentStore.class);
  private final ClusterLease lease = mock(ClusterLease.class);
  private final List<Object> published = new ArrayList<>();
  private final OpenIncidents open = new OpenIncidents(PersistenceSuite.T0, List.of());
  private final IncidentJobs jobs =
      new IncidentJobs(
          evaluator,
          actions,
          store,
          PersistenceSuite.INCIDENTS,
          mock(OutboxDispatcher.class),
          published::add,
          mock(TaskScheduler.class),
          Clock.fixed(PersistenceSuite.T0, ZoneOffset.UTC),
          lease);

  @Test
  void aReplicaWithoutTheLeaseRunsNoRulesButRefreshesTheOpenIncidents() {
    when(store.unresolved(any())).thenReturn(open);

    jobs.evaluate();
    jobs.deleteResolved();

    verify(evaluator, never()).evaluate();
    verify(actions, never()).verifyDue();
    verify(store, never()).deleteResolvedBefore(any());
    assertThat(published).containsExactly(open);
  }

  @Test
  void theLeaseHolderRunsTheRulesAndRetention() {
    when(lease.held()).thenReturn(true);

    jobs.evaluate();
    jobs.deleteResolved();

    verify(evaluator).evaluate();
    verify(actions).verifyDue();
    verify(store)
        .deleteResolvedBefore(PersistenceSuite.T0.minus(PersistenceSuite.INCIDENTS.retention()));
  }
}
