package dev.lrcp.quality;

/**
 * A logistic combination of the evidence: score = σ(bias + Σ wᵢ·xᵢ). The default weights were
 * fitted on the grounding development data and are checked by cross-validation in {@code
 * GroundingEvaluation}; see docs/signals.md.
 */
record GroundingWeights(double bias, double[] weights) {

  static final GroundingWeights DEFAULT =
      new GroundingWeights(-8.42, new double[] {4.85, 5.19, 0.06, 0.50, 0.25, 0.36});

  double combine(GroundingEvidence e) {
    double z = bias;
    double[] x = e.features();
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }
}
