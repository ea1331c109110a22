package dev.lrcp.datadog;

import dev.lrcp.datadog.ImportResult.Action;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The plan and result tables the command prints. */
final class ImportReport {

  private static final String ROW = "%-15s %-30s %-8s %-14s %s%n";

  private ImportReport() {}

  static void plan(List<Asset> selected, boolean dryRun, PrintStream out) {
    out.printf(
        "Plan: %d assets%s (existing ones, matched by title, are updated)%n",
        selected.size(), dryRun ? ", dry run" : "");
    out.printf("%-15s %-30s %-55s %s%n", "KIND", "FILE", "TITLE", "REFERS TO");
    for (Asset a : selected) {
      out.printf(
          "%-15s %-30s %-55s %s%n",
          a.kind().directory(),
          a.id() + ".json",
          a.title(),
          String.join(" ", ReferenceResolver.references(a)));
    }
    out.println();
  }

  /** Prints the table and a summary; true when nothing failed. */
  static boolean results(List<ImportResult> results, PrintStream out) {
    out.printf(ROW, "KIND", "FILE", "ACTION", "ID", "DETAIL");
    for (ImportResult r : results) {
      out.printf(
          ROW,
          r.asset().kind().directory(),
          r.asset().id() + ".json",
          r.action().name().toLowerCase(java.util.Locale.ROOT),
          r.remoteId() == null ? "-" : r.remoteId(),
          r.detail());
    }
    Map<Action, Long> counts =
        results.stream()
            .collect(Collectors.groupingBy(ImportResult::action, Collectors.counting()));
    Function<Action, Long> n = a -> counts.getOrDefault(a, 0L);
    out.printf(
        "%nSummary: %d created, %d updated, %d failed%n",
        n.apply(Action.CREATED), n.apply(Action.UPDATED), n.apply(Action.FAILED));
    if (n.apply(Action.FAILED) > 0)
      out.println("Import FAILED for " + n.apply(Action.FAILED) + " asset(s); see DETAIL above.");
    return n.apply(Action.FAILED) == 0;
  }
}
