package dev.lrcp.datadog;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar llm-reliability-control-plane.jar datadog import [--dry-run] [--only ...]}:
 * validates the assets offline, prints the plan, imports them and prints a result table. Exit
 * codes: 0 all good, 1 an asset failed validation or import, 2 bad usage or missing keys. Keys are
 * read from the environment map given (never printed).
 */
public final class DatadogCommand {

  private DatadogCommand() {}

  public static int run(String[] args, Map<String, String> env, PrintStream out) {
    ImportOptions options;
    try {
      options = ImportOptions.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      out.println(ImportOptions.USAGE);
      return 2;
    }
    List<Asset> all;
    try {
      all = AssetLoader.load(options.assets());
    } catch (RuntimeException e) {
      out.println(
          "error: cannot read assets from "
              + options.assets().toAbsolutePath()
              + ": "
              + e.getMessage());
      return 2;
    }
    List<String> problems = AssetLinter.lint(all, MetricCatalog.fromClasspath());
    if (!problems.isEmpty()) {
      out.println("Validation failed, nothing imported:");
      problems.forEach(p -> out.println("  " + p));
      return 1;
    }
    List<Asset> selected =
        AssetImporter.ordered(all.stream().filter(a -> options.only().contains(a.kind())).toList());
    if (selected.isEmpty()) {
      out.println("error: no assets of kinds " + options.only() + " under " + options.assets());
      return 2;
    }
    String apiKey = env.get("DD_API_KEY");
    String appKey = env.get("DD_APP_KEY");
    if (!options.dryRun() && (blank(apiKey) || blank(appKey))) {
      out.println("error: DD_API_KEY and DD_APP_KEY must be set (or use --dry-run)");
      return 2;
    }
    ImportReport.plan(selected, options.dryRun(), out);
    if (options.dryRun()) {
      out.println("Dry run: " + all.size() + " assets validated offline, no request sent.");
      return 0;
    }
    var site =
        new DatadogSite(blank(env.get("DD_SITE")) ? DatadogSite.DEFAULT : env.get("DD_SITE"));
    var client = site.client(apiKey, appKey);
    var importer = new AssetImporter(all, site.appUrl(), kind -> ApiGateways.forKind(kind, client));
    List<ImportResult> results = importer.run(selected);
    return ImportReport.results(results, out) ? 0 : 1;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
