package dev.lrcp.cluster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /cluster}: this replica, and which replica runs the cluster-wide jobs. */
@RestController
@Tag(name = "cluster")
class ClusterController {

  private final ClusterLease lease;

  ClusterController(ClusterLease lease) {
    this.lease = lease;
  }

  /**
   * @param holder the replica holding the lease; null while nobody does (for at most a check
   *     interval after a holder dies) or when the database cannot be asked
   */
  record LeaseView(String replica, boolean held, String holder, String lease, long checkEveryS) {}

  @Operation(summary = "This replica's name and which replica holds the cluster-wide job lease")
  @GetMapping("/cluster")
  LeaseView lease() {
    return new LeaseView(
        lease.replica(),
        lease.held(),
        lease.holder().orElse(null),
        lease.kind(),
        LeaseJobs.CHECK_EVERY.toSeconds());
  }
}
