package dev.lrcp.quality;

import dev.lrcp.security.DevData;
import dev.lrcp.security.Metrics;
import dev.lrcp.security.Metrics.AtThreshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Measures the grounding score on {@code grounding-dev.jsonl}. The positive class is "ungrounded"
 * (the detector's job), scored by 1 − grounding. Figures for the shipped default weights are
 * reported next to 5-fold cross-validated ones (weights refitted on four folds, scored on the
 * fifth; folds never split a document), so a fit on all rows cannot flatter itself.
 */
public final class GroundingEvaluation {

  static final int FOLDS = 5;

  record Row(String question, String document, String answer, boolean grounded, String subset) {}

  record Report(
      double auroc,
      AtThreshold atDefault,
      double crossValidatedAuroc,
      AtThreshold crossValidatedAtHalf,
      Map<String, Double> aurocBySubset,
      Map<String, Double> crossValidatedAurocBySubset,
      double crossValidatedAurocWithoutEmbeddings,
      GroundingWeights fittedOnAll) {}

  private GroundingEvaluation() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    boolean lexicalOnly = args.length > 0 && args[0].equals("--no-embeddings");
    SentenceEmbedder embedder =
        lexicalOnly
            ? texts -> {
              throw new EmbedderUnavailableException(new IllegalStateException("disabled"));
            }
            : MiniLmEmbedder.load();
    Report r = run(embedder, GroundingWeights.DEFAULT, 0.5);
    System.out.println(format(r));
    System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - start) / 1e9);
  }

  static List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (JsonNode n : DevData.rows("grounding-dev.jsonl")) {
      out.add(
          new Row(
              n.get("question").asString(),
              n.get("document").asString(),
              n.get("answer").asString(),
              n.get("grounded").asBoolean(),
              n.get("subset").asString()));
    }
    return out;
  }

  static Report run(SentenceEmbedder embedder, GroundingWeights weights, double threshold) {
    List<Row> rows = rows();
    GroundingScorer scorer = new GroundingScorer(embedder, weights);
    double[][] x = new double[rows.size()][];
    boolean[] ungrounded = new boolean[rows.size()];
    boolean[] grounded = new boolean[rows.size()];
    double[] score = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      GroundingEvidence e = scorer.evidence(row.question(), row.document(), row.answer());
      x[i] = e.features();
      ungrounded[i] = !row.grounded();
      grounded[i] = row.grounded();
      score[i] = 1 - scorer.score(e);
    }
    double[] cv = crossValidated(rows, x, grounded);
    double[][] lexicalOnly = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      lexicalOnly[i] = new double[] {x[i][0], x[i][1], x[i][2], x[i][3], 0, 0};
    }
    double[] cvLexical = crossValidated(rows, lexicalOnly, grounded);
    return new Report(
        Metrics.auroc(score, ungrounded),
        AtThreshold.of(score, ungrounded, 1 - threshold),
        Metrics.auroc(cv, ungrounded),
        AtThreshold.of(cv, ungrounded, 0.5),
        bySubset(rows, score, ungrounded),
        bySubset(rows, cv, ungrounded),
        Metrics.auroc(cvLexical, ungrounded),
        LogisticFit.fit(x, grounded, 1e-3));
  }

  private static double[] crossValidated(List<Row> rows, double[][] x, boolean[] grounded) {
    double[] out = new double[rows.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Integer> train = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (foldOf(rows.get(i)) != fold) {
          train.add(i);
        }
      }
      double[][] tx = train.stream().map(i -> x[i]).toArray(double[][]::new);
      boolean[] ty = new boolean[train.size()];
      for (int k = 0; k < ty.length; k++) {
        ty[k] = grounded[train.get(k)];
      }
      GroundingWeights w = LogisticFit.fit(tx, ty, 1e-3);
      for (int i = 0; i < rows.size(); i++) {
        if (foldOf(rows.get(i)) == fold) {
          out[i] =
              1
                  - w.combine(
                      new GroundingEvidence(x[i][0], x[i][1], x[i][2], x[i][3], x[i][4], x[i][5]));
        }
      }
    }
    return out;
  }

  private static int foldOf(Row row) {
    return Math.floorMod(row.document().hashCode(), FOLDS);
  }

  private static Map<String, Double> bySubset(List<Row> rows, double[] score, boolean[] positive) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String subset : rows.stream().map(Row::subset).distinct().toList()) {
      int[] idx =
          java.util.stream.IntStream.range(0, rows.size())
              .filter(i -> rows.get(i).subset().equals(subset))
              .toArray();
      double[] s = Arrays.stream(idx).mapToDouble(i -> score[i]).toArray();
      boolean[] p = new boolean[idx.length];
      for (int k = 0; k < idx.length; k++) {
        p[k] = positive[idx[k]];
      }
      out.put(subset, Metrics.auroc(s, p));
    }
    return out;
  }

  static String format(Report r) {
    StringBuilder sb =
        new StringBuilder("Grounding (positive = ungrounded), grounding-dev.jsonl\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  shipped weights:  AUROC %.3f  precision %.3f  recall %.3f  (flag when score < 0.5)%n",
            r.auroc(),
            r.atDefault().precision(),
            r.atDefault().recall()));
    r.aurocBySubset()
        .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "    %-12s AUROC %.3f%n", k, v)));
    sb.append(
        String.format(
            Locale.ROOT,
            "  5-fold CV refit:  AUROC %.3f  precision %.3f  recall %.3f%n",
            r.crossValidatedAuroc(),
            r.crossValidatedAtHalf().precision(),
            r.crossValidatedAtHalf().recall()));
    r.crossValidatedAurocBySubset()
        .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "    %-12s AUROC %.3f%n", k, v)));
    sb.append(
        String.format(
            Locale.ROOT,
            "  5-fold CV refit without the MiniLM features: AUROC %.3f%n",
            r.crossValidatedAurocWithoutEmbeddings()));
    GroundingWeights w = r.fittedOnAll();
    sb.append(
        String.format(
            Locale.ROOT,
            "  weights fitted on all rows: bias %.3f, [lexical, phrases, numbers, names, similarity, weakest] %s%n",
            w.bias(),
            Arrays.toString(
                Arrays.stream(w.weights()).map(v -> Math.round(v * 1000) / 1000.0).toArray())));
    return sb.toString();
  }
}
