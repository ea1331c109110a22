package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for Datadog's metric query grammar (monitor, graph, formula and
 * composite forms). Datadog validates queries only online ({@code POST /api/v1/monitor/validate});
 * this parser catches the mistakes the original assets made (a time aggregation repeated inside a
 * ratio or an anomaly function, unknown time aggregators, comparators in graph queries) before
 * anything reaches the API. One instance parses one query.
 */
final class MetricQueryParser {

  private static final Set<String> TIME_AGGREGATORS = Set.of("avg", "sum", "min", "max", "last");
  private static final Set<String> SPACE_AGGREGATORS =
      Set.of("avg", "sum", "min", "max", "count", "p50", "p75", "p90", "p95", "p99", "p99.9");
  private static final Set<String> FUNCTIONS =
      Set.of(
          "anomalies",
          "forecast",
          "outliers",
          "abs",
          "log2",
          "log10",
          "cumsum",
          "integral",
          "per_second",
          "per_minute",
          "per_hour",
          "diff",
          "derivative",
          "timeshift",
          "hour_before",
          "day_before",
          "week_before",
          "month_before",
          "ewma_3",
          "ewma_5",
          "ewma_10",
          "ewma_20",
          "median_3",
          "median_5",
          "clamp_min",
          "clamp_max",
          "robust_trend",
          "trend_line",
          "top");
  private static final Set<String> METHODS = Set.of("as_count", "as_rate", "rollup", "fill");
  private static final Set<String> COMPARATORS = Set.of(">", ">=", "<", "<=", "==", "!=");
  private static final Pattern WINDOW = Pattern.compile("(last|next)_(\\d+)([mhdw])");
  // the Monitor API's limits: minutes up to a week, hours up to 168, days 1 or 2, one week
  private static final Map<String, Integer> WINDOW_MAX =
      Map.of("m", 10080, "h", 168, "d", 2, "w", 1);
  private static final Pattern SHIFT = Pattern.compile("\\d+[mhdw]_ago");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.]*");
  private static final Pattern SCOPE_TERM =
      Pattern.compile("\\*|!?\\$?[a-zA-Z][\\w.\\-/]*(:[^\\s,{}()]+)?");

  private enum Mode {
    MONITOR,
    GRAPH,
    FORMULA
  }

  private final String src;
  private final Mode mode;
  private int pos;
  private final List<MetricRef> metrics = new ArrayList<>();
  private final List<String> functions = new ArrayList<>();

  private MetricQueryParser(String src, Mode mode) {
    this.src = src;
    this.mode = mode;
  }

  /** A monitor query: {@code avg(last_5m):<expr> > 3000}. */
  static ParsedQuery parseMonitor(String query) {
    return new MetricQueryParser(query, Mode.MONITOR).monitor();
  }

  /** A graph or SLO query: an expression without time aggregation or comparator. */
  static ParsedQuery parseGraph(String query) {
    var p = new MetricQueryParser(query, Mode.GRAPH);
    QueryExpr expression = p.expr();
    p.end();
    return new ParsedQuery(null, null, null, null, List.copyOf(p.metrics), p.functions, expression);
  }

  /** A dashboard formula over query names ({@code 100 * errors / requests}); returns the names. */
  static List<String> parseFormula(String formula) {
    return parseFormulaExpression(formula).metrics().stream().map(MetricRef::name).toList();
  }

  /** A formula as an expression; each query name is a metric without space aggregator. */
  static ParsedQuery parseFormulaExpression(String formula) {
    var p = new MetricQueryParser(formula, Mode.FORMULA);
    QueryExpr expression = p.expr();
    p.end();
    return new ParsedQuery(null, null, null, null, List.copyOf(p.metrics), p.functions, expression);
  }

  /** A composite monitor query over monitor ids: {@code 123 && (456 || !789)}. */
  static BoolExpr parseComposite(String query) {
    var p = new MetricQueryParser(query, Mode.GRAPH);
    BoolExpr expression = p.boolExpr();
    p.end();
    return expression;
  }

  private ParsedQuery monitor() {
    String timeAgg = word();
    String window;
    if (timeAgg.equals("change") || timeAgg.equals("pct_change")) {
      expect('(');
      String inner = word();
      requireTimeAggregator(inner);
      window = parenthesizedWindow();
      expect(',');
      String shift = word();
      if (!SHIFT.matcher(shift).matches()) throw error("bad shift '" + shift + "'");
      expect(')');
    } else {
      requireTimeAggregator(timeAgg);
      window = parenthesizedWindow();
    }
    expect(':');
    QueryExpr expression = expr();
    String cmp = comparator();
    double threshold = number();
    end();
    boolean forecast = functions.contains("forecast");
    if (forecast != window.startsWith("next_")) {
      throw error("next_ windows go with forecast() only, and forecast() needs one");
    }
    return new ParsedQuery(
        timeAgg, window, cmp, threshold, List.copyOf(metrics), functions, expression);
  }

  private void requireTimeAggregator(String name) {
    if (!TIME_AGGREGATORS.contains(name)) throw error("unknown time aggregator '" + name + "'");
  }

  private String parenthesizedWindow() {
    expect('(');
    String window = word();
    Matcher m = WINDOW.matcher(window);
    if (!m.matches()
        || Integer.parseInt(m.group(2)) < 1
        || Integer.parseInt(m.group(2)) > WINDOW_MAX.get(m.group(3))) {
      throw error("bad window '" + window + "'");
    }
    expect(')');
    return window;
  }

  /** Left to right, {@code *} and {@code /} before {@code +} and {@code -}. */
  private QueryExpr expr() {
    QueryExpr left = product();
    while (peekAny("+-")) {
      char op = src.charAt(pos++);
      left = new QueryExpr.Binary(op, left, product());
    }
    return left;
  }

  private QueryExpr product() {
    QueryExpr left = term();
    while (peekAny("*/")) {
      char op = src.charAt(pos++);
      left = new QueryExpr.Binary(op, left, term());
    }
    return left;
  }

  private QueryExpr term() {
    skipWs();
    if (peekAny("(")) {
      pos++;
      QueryExpr inner = expr();
      expect(')');
      return inner;
    }
    if (peekNumber()) {
      return new QueryExpr.Number(number());
    }
    int start = pos;
    String name = word();
    skipWs();
    if (peekAny("(")) {
      return call(name, start);
    } else if (peekAny(":") && mode != Mode.FORMULA) {
      return metric(name, start);
    } else if (mode == Mode.FORMULA && !name.isEmpty()) {
      var ref = new MetricRef("", name, List.of(), List.of(), List.of());
      metrics.add(ref);
      return new QueryExpr.Metric(ref);
    }
    pos = start;
    throw error("expected a metric, number, function or '('");
  }

  private QueryExpr call(String name, int start) {
    if (TIME_AGGREGATORS.contains(name)) {
      pos = start;
      throw error("time aggregation '" + name + "(...)' inside an expression");
    }
    if (!FUNCTIONS.contains(name)) {
      pos = start;
      throw error("unknown function '" + name + "'");
    }
    functions.add(name);
    expect('(');
    QueryExpr argument = expr();
    List<String> args = new ArrayList<>();
    while (tryConsume(',')) args.add(argument());
    expect(')');
    if (name.equals("anomalies")) requireAlgorithm(args, Set.of("basic", "agile", "robust"));
    if (name.equals("forecast")) requireAlgorithm(args, Set.of("linear", "seasonal"));
    return new QueryExpr.Call(name, argument, List.copyOf(args));
  }

  private void requireAlgorithm(List<String> args, Set<String> allowed) {
    if (args.size() < 2 || !allowed.contains(unquote(args.get(0))) || !isNumber(args.get(1))) {
      throw error("expected (query, " + allowed + ", <deviations>, ...) but got " + args);
    }
  }

  private String argument() {
    skipWs();
    int start = pos;
    if (peekAny("'\"")) return quoted();
    String word = word();
    if (tryConsume('=')) {
      skipWs();
      return word + "=" + (peekAny("'\"") ? quoted() : word());
    }
    if (word.isEmpty()) throw error("expected an argument");
    pos = start + word.length();
    return word;
  }

  private QueryExpr metric(String aggregator, int start) {
    if (!SPACE_AGGREGATORS.contains(aggregator)) {
      pos = start;
      throw error("unknown space aggregator '" + aggregator + "'");
    }
    expect(':');
    String name = word();
    if (!METRIC_NAME.matcher(name).matches()) throw error("bad metric name '" + name + "'");
    List<String> scope = braces();
    for (String term : scope) {
      if (!SCOPE_TERM.matcher(term).matches()) throw error("bad scope term '" + term + "'");
      if (mode == Mode.MONITOR && term.contains("$")) throw error("template variable in monitor");
    }
    List<String> by = List.of();
    skipWs();
    if (src.startsWith("by", pos)) {
      pos += 2;
      by = braces();
    }
    List<String> methods = new ArrayList<>();
    while (tryConsume('.')) {
      String method = word();
      if (!METHODS.contains(method)) throw error("unknown method '." + method + "()'");
      expect('(');
      while (!peekAny(")")) {
        argument();
        tryConsume(',');
      }
      expect(')');
      methods.add(method);
    }
    var ref = new MetricRef(aggregator, name, scope, by, List.copyOf(methods));
    metrics.add(ref);
    return new QueryExpr.Metric(ref);
  }

  private List<String> braces() {
    expect('{');
    int close = src.indexOf('}', pos);
    if (close < 0) throw error("unclosed '{'");
    String body = src.substring(pos, close).trim();
    pos = close + 1;
    if (body.isEmpty()) throw error("empty {} (use {*})");
    return List.of(body.split("\\s*(,|\\s+AND\\s+|\\s+OR\\s+)\\s*"));
  }

  /** {@code &&} binds tighter than {@code ||}, as in Datadog's composite conditions. */
  private BoolExpr boolExpr() {
    BoolExpr left = boolProduct();
    while (skipWsThenStartsWith("||")) {
      pos += 2;
      left = new BoolExpr.Or(left, boolProduct());
    }
    return left;
  }

  private BoolExpr boolProduct() {
    BoolExpr left = boolTerm();
    while (skipWsThenStartsWith("&&")) {
      pos += 2;
      left = new BoolExpr.And(left, boolTerm());
    }
    return left;
  }

  private BoolExpr boolTerm() {
    skipWs();
    if (tryConsume('!')) {
      return new BoolExpr.Not(boolTerm());
    } else if (tryConsume('(')) {
      BoolExpr inner = boolExpr();
      expect(')');
      return inner;
    } else if (peekNumber()) {
      return new BoolExpr.Monitor((long) number());
    }
    throw error("expected a monitor id");
  }

  private boolean skipWsThenStartsWith(String token) {
    skipWs();
    return src.startsWith(token, pos);
  }

  private String comparator() {
    skipWs();
    for (String c : List.of(">=", "<=", "==", "!=", ">", "<")) {
      if (src.startsWith(c, pos)) {
        pos += c.length();
        return c;
      }
    }
    throw error("expected one of " + COMPARATORS);
  }

  private double number() {
    skipWs();
    int start = pos;
    if (peekAny("-")) pos++;
    while (pos < src.length()
        && (Character.isDigit(src.charAt(pos)) || "eE.".indexOf(src.charAt(pos)) >= 0)) pos++;
    try {
      return Double.parseDouble(src.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("expected a number");
    }
  }

  private String quoted() {
    char q = src.charAt(pos++);
    int close = src.indexOf(q, pos);
    if (close < 0) throw error("unclosed quote");
    String s = src.substring(pos - 1, close + 1);
    pos = close + 1;
    return s;
  }

  private String word() {
    skipWs();
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || "_.".indexOf(src.charAt(pos)) >= 0))
      pos++;
    return src.substring(start, pos);
  }

  private boolean peekNumber() {
    skipWs();
    return pos < src.length() && (Character.isDigit(src.charAt(pos)));
  }

  private boolean peekAny(String chars) {
    skipWs();
    return pos < src.length() && chars.indexOf(src.charAt(pos)) >= 0;
  }

  private boolean tryConsume(char c) {
    if (peekAny(String.valueOf(c))) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!tryConsume(c)) throw error("expected '" + c + "'");
  }

  private void end() {
    skipWs();
    if (pos != src.length()) throw error("unexpected trailing text");
  }

  private void skipWs() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
  }

  private static boolean isNumber(String s) {
    return s.matches("-?\\d+(\\.\\d+)?");
  }

  private static String unquote(String s) {
    return s.length() >= 2 && "'\"".indexOf(s.charAt(0)) >= 0 ? s.substring(1, s.length() - 1) : s;
  }

  private QuerySyntaxException error(String message) {
    return new QuerySyntaxException(message + " at " + pos + " in: " + src);
  }

  /** A query that does not follow Datadog's grammar; the message names the position. */
  static final class QuerySyntaxException extends IllegalArgumentException {
    QuerySyntaxException(String message) {
      super(message);
    }
  }
}
