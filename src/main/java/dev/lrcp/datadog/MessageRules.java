package dev.lrcp.datadog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the message of a monitor or synthetic test: it is a runbook a person can act on (three
 * sections, a runbook page that exists, links scoped to the alert's environment, endpoint, model
 * and time), numbers carry their unit, and it reaches exactly the people its tier allows.
 */
final class MessageRules {

  static final List<String> SECTIONS = List.of("What failed", "Why", "What next");
  static final String PROD_BLOCK = "{{#is_exact_match \"env.name\" \"prod\"}}";
  private static final Pattern RUNBOOK = Pattern.compile("docs/runbooks/[a-z0-9-]+\\.md");
  static final Pattern HANDLE = Pattern.compile("(?<![\\w%./@-])@([A-Za-z][\\w.-]*)");
  private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{\\{(\\w+)\\.name}}");
  private static final Pattern VALUE =
      Pattern.compile("(\\{\\{\\s*(?:value|threshold|warn_threshold|[a-z]\\.value)\\s*}})\\s*");
  private static final List<String> UNITS =
      List.of("%", "ms", "×", "USD", "call records", "records", "deliveries", "incidents", "calls");

  /**
   * What the message is checked against.
   *
   * @param groupKeys the tags the alert is grouped by (those of the combined monitors for a
   *     composite); links and {@code {{tag.name}}} variables may only use these
   * @param productionOnly the alert can only fire for production (an SLO on {@code env:prod}, a
   *     synthetic test of the production URL), so a page needs no environment condition
   * @param pagesOnNoDataOnly a metric monitor that may page only when the service goes silent
   */
  record Context(
      Tier tier, Set<String> groupKeys, boolean productionOnly, boolean pagesOnNoDataOnly) {}

  private MessageRules() {}

  static List<String> check(String message, Context context, Path repository) {
    List<String> problems = new ArrayList<>(handleProblems(message, context));
    if (context.tier() == Tier.CONDITION) return problems;
    SECTIONS.stream()
        .filter(s -> !message.contains("**" + s))
        .forEach(s -> problems.add("message lacks the runbook section **" + s + "**"));
    problems.addAll(runbookProblems(message, repository));
    problems.addAll(LinkRules.check(message, context.groupKeys(), context.productionOnly()));
    Matcher tag = TEMPLATE_TAG.matcher(message);
    while (tag.find()) {
      if (!context.groupKeys().contains(tag.group(1))) {
        problems.add("{{" + tag.group(1) + ".name}} used but the alert is not grouped by it");
      }
    }
    Matcher value = VALUE.matcher(message);
    while (value.find()) {
      String after = message.substring(value.end());
      if (UNITS.stream().noneMatch(after::startsWith)) {
        problems.add("'" + value.group(1) + "' is not followed by a unit (" + UNITS + ")");
      }
    }
    return problems;
  }

  private static List<String> runbookProblems(String message, Path repository) {
    Matcher m = RUNBOOK.matcher(message);
    List<String> problems = new ArrayList<>();
    boolean any = false;
    while (m.find()) {
      any = true;
      if (!Files.isRegularFile(repository.resolve(m.group()))) {
        problems.add("runbook " + m.group() + " does not exist");
      }
    }
    if (!any) problems.add("message names no runbook page (docs/runbooks/<page>.md)");
    return problems;
  }

  private static List<String> handleProblems(String message, Context context) {
    List<String> problems = new ArrayList<>();
    Matcher m = HANDLE.matcher(message);
    boolean any = false;
    while (m.find()) {
      any = true;
      String kind = m.group(1).replaceFirst("-.*", "");
      Set<String> allowed =
          switch (context.tier()) {
            case PAGE -> Set.of("pagerduty", "slack");
            case CHANNEL -> Set.of("slack");
            case TICKET -> Set.of("jira", "slack");
            case CONDITION -> Set.of();
          };
      if (!allowed.contains(kind)) {
        problems.add(
            "@"
                + m.group(1)
                + " is not allowed for "
                + context.tier().tag()
                + " ("
                + allowed
                + ")");
      }
    }
    if (!any && context.tier() != Tier.CONDITION) problems.add("message notifies no handle");
    if (message.contains("@pagerduty-")) problems.addAll(pageProblems(message, context));
    return problems;
  }

  /** A page reaches a person only for production, and a metric monitor pages only on silence. */
  private static List<String> pageProblems(String message, Context context) {
    List<String> problems = new ArrayList<>();
    if (context.groupKeys().contains("env")) {
      if (Blocks.outside(message, "is_exact_match", PROD_BLOCK).contains("@pagerduty-")) {
        problems.add("a @pagerduty handle outside " + PROD_BLOCK + "...{{/is_exact_match}}");
      }
    } else if (!context.productionOnly()) {
      problems.add("pages without being limited to production");
    }
    if (context.pagesOnNoDataOnly()) {
      for (String block : List.of("is_alert", "is_warning")) {
        if (Blocks.inside(message, block).contains("@pagerduty-")) {
          problems.add("a metric monitor pages only on missing data, not in {{#" + block + "}}");
        }
      }
    }
    return problems;
  }
}
