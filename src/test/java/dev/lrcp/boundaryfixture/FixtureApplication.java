package dev.lrcp.boundaryfixture;

import org.springframework.modulith.Modulithic;

/**
 * The root of a two-module fixture whose billing module reaches into the catalog module's internal
 * package, so {@code ModuleBoundaryTests} can show the boundary check fails on such a reach.
 */
@Modulithic
public final class FixtureApplication {

  private FixtureApplication() {}
}
