package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A composite monitor's query as written in the assets ({@code ${monitor:a} && ${monitor:b}}): the
 * condition, whose {@link BoolExpr.Monitor} ids index {@link #monitors()}, the asset ids of the
 * monitors it combines in order of appearance (Datadog's {@code a}, {@code b}, ... in messages).
 */
record CompositeQuery(BoolExpr condition, List<String> monitors) {

  static CompositeQuery parse(String query) {
    List<String> monitors = new ArrayList<>();
    Matcher m = AssetLinter.REFERENCE.matcher(query);
    StringBuilder numbered = new StringBuilder();
    while (m.find()) {
      if (!m.group(1).equals("monitor")) {
        throw new MetricQueryParser.QuerySyntaxException("a composite combines monitors only");
      }
      monitors.add(m.group(2));
      m.appendReplacement(numbered, String.valueOf(monitors.size() - 1));
    }
    m.appendTail(numbered);
    if (monitors.isEmpty()) {
      throw new MetricQueryParser.QuerySyntaxException("a composite refers to ${monitor:<file>}");
    }
    return new CompositeQuery(MetricQueryParser.parseComposite(numbered.toString()), monitors);
  }

  /** The two monitors of {@code a && b}, or an empty list for any other condition. */
  List<String> conjunctionOfTwo() {
    if (condition instanceof BoolExpr.And(BoolExpr.Monitor a, BoolExpr.Monitor b)) {
      return List.of(monitors.get((int) a.id()), monitors.get((int) b.id()));
    }
    return List.of();
  }
}
