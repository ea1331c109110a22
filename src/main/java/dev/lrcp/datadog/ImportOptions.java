package dev.lrcp.datadog;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Parsed {@code datadog import [--dry-run] [--only kinds] [--assets dir]} arguments. */
record ImportOptions(boolean dryRun, Set<AssetKind> only, Path assets) {

  static final String USAGE =
      "usage: datadog import [--dry-run] [--only "
          + String.join(",", AssetKind.names())
          + "] [--assets DIR]\n"
          + "  env: DD_API_KEY, DD_APP_KEY (required unless --dry-run), DD_SITE (default datadoghq.com)";

  static ImportOptions parse(String[] args) {
    if (args.length == 0 || !args[0].equals("import")) {
      throw new IllegalArgumentException("expected the sub-command 'import'");
    }
    boolean dryRun = false;
    Set<AssetKind> only = EnumSet.allOf(AssetKind.class);
    Path assets = Path.of("datadog");
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--dry-run" -> dryRun = true;
        case "--only" -> only = kinds(value(args, ++i, "--only"));
        case "--assets" -> assets = Path.of(value(args, ++i, "--assets"));
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    return new ImportOptions(dryRun, only, assets);
  }

  private static Set<AssetKind> kinds(String list) {
    Set<AssetKind> kinds = EnumSet.noneOf(AssetKind.class);
    Arrays.stream(list.split(",")).map(AssetKind::fromName).forEach(kinds::add);
    return kinds;
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
    return args[i];
  }
}
