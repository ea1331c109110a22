package dev.lrcp.anomaly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Scores {@link SeriesAnomalyDetector} on the NAB development files with the NAB scorer. {@code
 * main} prints the three profiles and, given a directory, writes the detector's output in the
 * layout {@code shared/tools/nabscore.py --detector-dir} reads.
 */
public final class NabEvaluation {

  private NabEvaluation() {}

  public static void main(String[] args) throws IOException {
    NabCorpus corpus = NabCorpus.load();
    Map<String, double[]> scores = run(corpus);
    Map<NabScorer.Profile, Double> result = NabScorer.normalised(corpus, scores);
    System.out.printf(
        Locale.ROOT,
        "NAB dev: standard %.2f, low FP %.2f, low FN %.2f%n",
        result.get(NabScorer.Profile.STANDARD),
        result.get(NabScorer.Profile.LOW_FP),
        result.get(NabScorer.Profile.LOW_FN));
    if (args.length > 0) {
      write(corpus, scores, Path.of(args[0]));
    }
  }

  static Map<String, double[]> run(NabCorpus corpus) {
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (NabCorpus.File f : corpus.files().values()) {
      AnomalyScore[] s = SeriesAnomalyDetector.scoreAll(f.epochSeconds(), f.values());
      double[] out = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        out[i] = s[i].score();
      }
      scores.put(f.name(), out);
    }
    return scores;
  }

  private static void write(NabCorpus corpus, Map<String, double[]> scores, Path dir)
      throws IOException {
    for (NabCorpus.File f : corpus.files().values()) {
      Path path = dir.resolve(f.name());
      Files.createDirectories(path.getParent());
      StringBuilder csv = new StringBuilder("timestamp,anomaly_score\n");
      double[] s = scores.get(f.name());
      for (int i = 0; i < s.length; i++) {
        csv.append(f.timestamps()[i]).append(',').append(s[i]).append('\n');
      }
      Files.writeString(path, csv);
    }
  }
}
