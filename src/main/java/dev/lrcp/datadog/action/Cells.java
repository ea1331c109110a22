package dev.lrcp.datadog.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Notebook JSON in the API's create format ({@code NotebookCreateRequest}), built as a tree so the
 * tests can check it with the same strict validator as the asset files.
 */
final class Cells {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Cells() {}

  /** A graph query with how to draw it ({@code line} or {@code bars}). */
  record Query(String q, String display) {}

  static ObjectNode notebook(String name, Instant start, Instant end, List<ObjectNode> cells) {
    var attributes = JSON.objectNode().put("name", name).put("status", "published");
    attributes
        .putObject("time")
        .put("start", start.toString())
        .put("end", end.toString())
        .put("live", false);
    attributes.putObject("metadata").put("type", "investigation").put("is_template", false);
    ArrayNode array = attributes.putArray("cells");
    cells.forEach(array::add);
    var data = JSON.objectNode().put("type", "notebooks");
    data.set("attributes", attributes);
    var root = JSON.objectNode();
    root.set("data", data);
    return root;
  }

  static ObjectNode markdown(String text) {
    return cell(null, JSON.objectNode().put("type", "markdown").put("text", text));
  }

  /**
   * @param marker a horizontal line (the threshold) in the graph's unit, or null
   */
  static ObjectNode timeseries(String title, List<Query> queries, Double marker, String label) {
    var definition = graph(title);
    ArrayNode requests = definition.putArray("requests");
    queries.forEach(q -> requests.addObject().put("q", q.q()).put("display_type", q.display()));
    if (marker != null) {
      definition
          .putArray("markers")
          .addObject()
          .put("value", "y = " + plain(marker))
          .put("display_type", "error dashed")
          .put("label", label);
    }
    return cell("m", definition);
  }

  static ObjectNode line(String title, String q) {
    return timeseries(title, List.of(new Query(q, "line")), null, null);
  }

  static ObjectNode bars(String title, String q) {
    return timeseries(title, List.of(new Query(q, "bars")), null, null);
  }

  /** APM spans matching {@code search}, counted per value of {@code facet}. */
  static ObjectNode spans(String title, String search, String facet) {
    var definition = graph(title);
    var request = definition.putArray("requests").addObject();
    request.put("display_type", "bars").put("response_format", "timeseries");
    var query = request.putArray("queries").addObject();
    query.put("data_source", "spans").put("name", "spans");
    query.putObject("search").put("query", search);
    query.putObject("compute").put("aggregation", "count");
    var group = query.putArray("group_by").addObject().put("facet", facet).put("limit", 10);
    group.putObject("sort").put("aggregation", "count").put("order", "desc");
    query.putArray("indexes").add("trace-search");
    request.putArray("formulas").addObject().put("formula", "spans");
    return cell("m", definition);
  }

  static ObjectNode logStream(String title, String query, List<String> columns) {
    var definition =
        JSON.objectNode()
            .put("type", "log_stream")
            .put("title", title)
            .put("query", query)
            .put("show_date_column", true)
            .put("show_message_column", true)
            .put("message_display", "inline");
    ArrayNode cols = definition.putArray("columns");
    columns.forEach(cols::add);
    definition.putObject("sort").put("column", "time").put("order", "desc");
    return cell("l", definition);
  }

  private static ObjectNode graph(String title) {
    return JSON.objectNode().put("type", "timeseries").put("title", title).put("show_legend", true);
  }

  private static ObjectNode cell(String graphSize, ObjectNode definition) {
    var attributes = JSON.objectNode();
    if (graphSize != null) {
      attributes.put("graph_size", graphSize);
    }
    attributes.set("definition", definition);
    var cell = JSON.objectNode().put("type", "notebook_cells");
    cell.set("attributes", attributes);
    return cell;
  }

  /** 3000.0 → "3000", 0.05 → "0.05". */
  static String plain(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
