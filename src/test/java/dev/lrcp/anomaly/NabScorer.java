package dev.lrcp.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NAB v1.1 scorer as {@code shared/tools/nabscore.py} implements it: per-row scaled sigmoid
 * weights, probationary rows, one threshold per profile swept over the corpus, normalised so the
 * null detector scores 0 and a perfect one 100.
 */
final class NabScorer {

  enum Profile {
    STANDARD(1.0, 0.11, 1.0),
    LOW_FP(1.0, 0.22, 1.0),
    LOW_FN(1.0, 0.11, 2.0);

    final double tp;
    final double fp;
    final double fn;

    Profile(double tp, double fp, double fn) {
      this.tp = tp;
      this.fp = fp;
      this.fn = fn;
    }
  }

  private static final double MAX_TP = sigmoid(-1.0);

  private NabScorer() {}

  static double sigmoid(double y) {
    return y > 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
  }

  /** Normalised score per profile; {@code scores} holds one array per file, by name. */
  static Map<Profile, Double> normalised(NabCorpus corpus, Map<String, double[]> scores) {
    Map<String, double[]> nulls = new LinkedHashMap<>();
    corpus
        .files()
        .forEach(
            (name, f) -> {
              double[] half = new double[f.values().length];
              Arrays.fill(half, 0.5);
              nulls.put(name, half);
            });
    int windows = corpus.files().values().stream().mapToInt(f -> f.windows().size()).sum();
    Map<Profile, Double> out = new LinkedHashMap<>();
    for (Profile p : Profile.values()) {
      double nul = raw(corpus, nulls, p);
      out.put(p, 100.0 * (raw(corpus, scores, p) - nul) / (windows * p.tp - nul));
    }
    return out;
  }

  /** The best raw score over all thresholds (ties go to the highest threshold). */
  static double raw(NabCorpus corpus, Map<String, double[]> scores, Profile p) {
    int total = corpus.files().values().stream().mapToInt(f -> scorable(f.values().length)).sum();
    double[] a = new double[total];
    double[] v = new double[total];
    int[] w = new int[total];
    int row = 0;
    int offset = 0;
    for (var f : corpus.files().values()) {
      int n = f.values().length;
      double[] u = new double[n];
      int[] wid = new int[n];
      weigh(f.windows(), u, wid);
      double[] s = scores.get(f.name());
      for (int i = n - scorable(n); i < n; i++, row++) {
        boolean in = wid[i] >= 0;
        a[row] = s[i];
        v[row] = in ? u[i] * p.tp / MAX_TP : u[i] * p.fp;
        w[row] = in ? wid[i] + offset : -1;
      }
      offset += f.windows().size();
    }
    return sweep(a, v, w, offset, p.fn);
  }

  /** Rows after the probationary period: the first 15 % of a file, at most 750 rows. */
  private static int scorable(int n) {
    return n - (int) Math.ceil(Math.min(Math.floor(0.15 * n), 0.15 * 5000));
  }

  /** Per-row sigmoid weight and window number (-1 outside every window). */
  private static void weigh(List<int[]> wins, double[] u, int[] wid) {
    int n = u.length;
    Arrays.fill(u, -1.0);
    Arrays.fill(wid, -1);
    for (int k = 0; k < wins.size(); k++) {
      int s = wins.get(k)[0];
      int e = wins.get(k)[1];
      double width = e - s + 1.0;
      for (int i = s; i <= e; i++) {
        u[i] = sigmoid(-(e - i + 1) / width);
        wid[i] = k;
      }
      int stop = k + 1 < wins.size() ? wins.get(k + 1)[0] : n;
      for (int i = e + 1; i < stop; i++) {
        u[i] = sigmoid((i - e) / (width - 1));
      }
    }
  }

  /** Lowers the threshold one distinct score at a time; a window keeps its best detection. */
  private static double sweep(double[] a, double[] v, int[] w, int windows, double fn) {
    double[] distinct = Arrays.stream(a).sorted().distinct().toArray();
    List<List<Integer>> rowsAt = new ArrayList<>(distinct.length);
    for (int k = 0; k < distinct.length; k++) {
      rowsAt.add(new ArrayList<>(1));
    }
    for (int i = 0; i < a.length; i++) {
      rowsAt.get(Arrays.binarySearch(distinct, a[i])).add(i);
    }
    double[] best = new double[windows];
    Arrays.fill(best, -fn);
    double total = -fn * windows;
    double top = total;
    for (int k = distinct.length - 1; k >= 0; k--) {
      for (int i : rowsAt.get(k)) {
        if (w[i] < 0) {
          total += v[i];
        } else if (v[i] > best[w[i]]) {
          total += v[i] - best[w[i]];
          best[w[i]] = v[i];
        }
      }
      top = Math.max(top, total);
    }
    return top;
  }
}
