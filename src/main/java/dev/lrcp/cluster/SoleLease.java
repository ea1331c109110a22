package dev.lrcp.cluster;

import java.util.Optional;

/** On an embedded database there is one process, so it always holds the lease. */
record SoleLease(String replica) implements ClusterLease {

  @Override
  public boolean held() {
    return true;
  }

  @Override
  public boolean tryHold() {
    return true;
  }

  @Override
  public void release() {}

  @Override
  public Optional<String> holder() {
    return Optional.of(replica);
  }

  @Override
  public String kind() {
    return "single-process";
  }
}
