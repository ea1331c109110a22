package dev.lrcp.optimization;

import java.util.Optional;

/** Looks for one pattern in one endpoint's calls; silent (empty) when the pattern is absent. */
interface RecommendationBuilder {

  Optional<Finding> build(EndpointCalls scope);
}
