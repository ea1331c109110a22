package dev.lrcp.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the shipped injection model on every development row and writes it to {@code
 * src/main/resources/security/injection-model.bin.gz}. Run by {@code
 * scripts/train-injection-model.sh}; deterministic (seed 7), so rerunning gives the same file.
 */
public final class InjectionModelTraining {

  private InjectionModelTraining() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources" + InjectionModel.RESOURCE);
    InjectionModel model =
        InjectionTrainer.train(
            InjectionEvaluation.examples(InjectionEvaluation.rows()), InjectionEvaluation.SEED);
    Files.createDirectories(out.getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      model.write(o);
    }
    System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
  }
}
