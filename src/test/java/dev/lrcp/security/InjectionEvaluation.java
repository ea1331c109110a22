package dev.lrcp.security;

import dev.lrcp.security.Metrics.AtThreshold;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Measures the injection detector on {@code prompt-injection-dev.jsonl} by 5-fold cross-validation:
 * the n-gram model is trained on four folds and every row is scored by a model that never saw it.
 * The rules and the document check are fixed code, not fitted, but were written while reading this
 * data, so their share of the figures is optimistic for unseen phrasing.
 */
public final class InjectionEvaluation {

  static final int FOLDS = 5;
  static final long SEED = 7;

  record Row(String text, boolean injection, String category, boolean instructionStyle) {

    InputSource source() {
      return category.endsWith("document") || category.startsWith("indirect")
          ? InputSource.DOCUMENT
          : InputSource.PROMPT;
    }
  }

  record CategoryFigures(int rows, double flaggedShare, double aurocAgainstBenign) {}

  record Report(
      double auroc,
      AtThreshold atThreshold,
      double threshold,
      double documentAuroc,
      double instructionFalsePositiveRate,
      Map<String, CategoryFigures> byCategory) {}

  private InjectionEvaluation() {}

  public static void main(String[] args) {
    double threshold =
        args.length > 0 ? Double.parseDouble(args[0]) : SecurityDefaults.INJECTION_THRESHOLD;
    long start = System.nanoTime();
    System.out.println(format(run(threshold)));
    System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - start) / 1e9);
  }

  static List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (JsonNode n : DevData.rows("prompt-injection-dev.jsonl")) {
      out.add(
          new Row(
              n.get("text").asString(),
              n.get("label").asInt() == 1,
              n.get("category").asString(),
              n.get("source").asString().contains("GPTeacher")));
    }
    return out;
  }

  /**
   * Training examples for rows: prompts as they are, and each line of a clean document as a
   * negative. Attacked documents are left out: which line is the attack is not labelled, and the
   * whole email would teach the model the email template instead of the attack.
   */
  static List<InjectionTrainer.Example> examples(List<Row> rows) {
    List<InjectionTrainer.Example> out = new ArrayList<>();
    rows.forEach(r -> out.addAll(examples(r)));
    return out;
  }

  static List<InjectionTrainer.Example> examples(Row r) {
    List<InjectionTrainer.Example> out = new ArrayList<>();
    if (r.source() == InputSource.PROMPT) {
      out.add(new InjectionTrainer.Example(r.text(), r.injection()));
    } else if (!r.injection()) {
      DocumentInstructions.lines(r.text())
          .forEach(l -> out.add(new InjectionTrainer.Example(l, false)));
    }
    return out;
  }

  static Report run(double threshold) {
    return run(rows(), threshold);
  }

  static Report run(List<Row> rows, double threshold) {
    int[] fold = folds(rows);
    List<List<InjectionTrainer.Example>> perRow =
        rows.stream().map(InjectionEvaluation::examples).toList();
    double[] score = new double[rows.size()];
    for (int f = 0; f < FOLDS; f++) {
      List<InjectionTrainer.Example> train = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (fold[i] != f) {
          train.addAll(perRow.get(i));
        }
      }
      InjectionDetector detector = new InjectionDetector(InjectionTrainer.train(train, SEED));
      for (int i = 0; i < rows.size(); i++) {
        if (fold[i] == f) {
          score[i] = detector.detect(rows.get(i).text(), rows.get(i).source()).score();
        }
      }
    }
    boolean[] positive = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      positive[i] = rows.get(i).injection();
    }
    Map<String, CategoryFigures> byCategory = new LinkedHashMap<>();
    for (String c : rows.stream().map(Row::category).distinct().sorted().toList()) {
      byCategory.put(c, figures(rows, score, threshold, r -> r.category().equals(c)));
    }
    byCategory.put(
        "benign (instruction-style, GPTeacher)",
        figures(rows, score, threshold, Row::instructionStyle));
    Subset docs = subset(rows, score, r -> r.source() == InputSource.DOCUMENT);
    return new Report(
        Metrics.auroc(score, positive),
        AtThreshold.of(score, positive, threshold),
        threshold,
        Metrics.auroc(docs.scores(), docs.positive()),
        byCategory.get("benign (instruction-style, GPTeacher)").flaggedShare(),
        byCategory);
  }

  /** Stratified folds: rows of each category are shuffled (seed 7) and dealt round-robin. */
  static int[] folds(List<Row> rows) {
    int[] fold = new int[rows.size()];
    Random random = new Random(SEED);
    for (String c : rows.stream().map(Row::category).distinct().sorted().toList()) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).category().equals(c)) {
          idx.add(i);
        }
      }
      Collections.shuffle(idx, random);
      for (int k = 0; k < idx.size(); k++) {
        fold[idx.get(k)] = k % FOLDS;
      }
    }
    return fold;
  }

  private record Subset(double[] scores, boolean[] positive) {}

  private static Subset subset(List<Row> rows, double[] score, Predicate<Row> keep) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (keep.test(rows.get(i))) {
        idx.add(i);
      }
    }
    double[] s = new double[idx.size()];
    boolean[] p = new boolean[idx.size()];
    for (int k = 0; k < s.length; k++) {
      s[k] = score[idx.get(k)];
      p[k] = rows.get(idx.get(k)).injection();
    }
    return new Subset(s, p);
  }

  private static CategoryFigures figures(
      List<Row> rows, double[] score, double threshold, Predicate<Row> member) {
    Subset in = subset(rows, score, member);
    long flagged = java.util.Arrays.stream(in.scores()).filter(s -> s >= threshold).count();
    boolean injections = in.positive().length > 0 && in.positive()[0];
    double auroc =
        injections
            ? Metrics.auroc(
                subset(rows, score, r -> member.test(r) || !r.injection()).scores(),
                subset(rows, score, r -> member.test(r) || !r.injection()).positive())
            : Double.NaN;
    return new CategoryFigures(in.scores().length, flagged / (double) in.scores().length, auroc);
  }

  static String format(Report r) {
    StringBuilder sb =
        new StringBuilder(
            "Prompt injection, prompt-injection-dev.jsonl, 5-fold cross-validation\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  overall: AUROC %.3f  precision %.3f  recall %.3f  FPR %.3f  at threshold %.2f%n",
            r.auroc(),
            r.atThreshold().precision(),
            r.atThreshold().recall(),
            r.atThreshold().falsePositiveRate(),
            r.threshold()));
    sb.append(
        String.format(
            Locale.ROOT,
            "  documents only (indirect vs clean emails): AUROC %.3f%n",
            r.documentAuroc()));
    r.byCategory()
        .forEach(
            (c, f) ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %-40s rows %3d  flagged %5.1f%%%s%n",
                        c,
                        f.rows(),
                        100 * f.flaggedShare(),
                        Double.isNaN(f.aurocAgainstBenign())
                            ? ""
                            : String.format(
                                Locale.ROOT,
                                "  AUROC vs all benign %.3f",
                                f.aurocAgainstBenign()))));
    return sb.toString();
  }
}
