package dev.lrcp.optimization;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code POST /optimization/recommendations/{id}/implement}, the original's body plus who did it.
 * All fields are optional; a {@code recommendation_id} that differs from the path's is refused.
 *
 * @param baselineMetrics kept as sent (e.g. {@code cost_per_request}), beside the measured one
 */
record ImplementRequest(
    @Size(max = 64) String recommendationId,
    @Size(max = 50) Map<String, Object> baselineMetrics,
    @Size(max = 200) String implementedBy) {

  static final ImplementRequest NONE = new ImplementRequest(null, null, null);
}
