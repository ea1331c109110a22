package dev.lrcp.security;

/** Evaluation figures shared by the signal evaluations. */
public final class Metrics {

  private Metrics() {}

  /** Area under the ROC curve: the probability a positive outranks a negative (ties count ½). */
  public static double auroc(double[] scores, boolean[] positive) {
    long pos = 0;
    long neg = 0;
    double wins = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!positive[i]) {
        continue;
      }
      pos++;
      for (int j = 0; j < scores.length; j++) {
        if (positive[j]) {
          continue;
        }
        if (scores[i] > scores[j]) {
          wins += 1;
        } else if (scores[i] == scores[j]) {
          wins += 0.5;
        }
      }
    }
    for (boolean p : positive) {
      neg += p ? 0 : 1;
    }
    return pos == 0 || neg == 0 ? Double.NaN : wins / (pos * (double) neg);
  }

  /** Precision, recall and false-positive rate at a threshold (score ≥ threshold is positive). */
  public record AtThreshold(double precision, double recall, double falsePositiveRate) {

    public static AtThreshold of(double[] scores, boolean[] positive, double threshold) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      int tn = 0;
      for (int i = 0; i < scores.length; i++) {
        boolean flagged = scores[i] >= threshold;
        if (positive[i]) {
          tp += flagged ? 1 : 0;
          fn += flagged ? 0 : 1;
        } else {
          fp += flagged ? 1 : 0;
          tn += flagged ? 0 : 1;
        }
      }
      return new AtThreshold(
          tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp),
          tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn),
          fp + tn == 0 ? Double.NaN : fp / (double) (fp + tn));
    }
  }
}
