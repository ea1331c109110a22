package dev.lrcp.datadog.action;

import static dev.lrcp.datadog.action.DatadogCall.call;

import com.datadog.api.client.v1.api.SyntheticsApi;
import com.datadog.api.client.v1.model.SyntheticsAPITest;
import com.datadog.api.client.v1.model.SyntheticsTestDetailsWithoutSteps;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lrcp.datadog.BundledAssets;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Synthetic API tests: the bundled {@code /health} test pointed at a given URL, ad-hoc tests, and
 * the real list. A test whose name exists is updated in place. Only production pages: elsewhere the
 * health test notifies the team channel, and ad-hoc tests never page.
 */
final class SyntheticTests {

  static final String CHANNEL = "@slack-llm-oncall";
  private static final String PAGER = "@pagerduty-llm-reliability ";
  private static final List<String> LOCATIONS =
      List.of("aws:us-east-1", "aws:eu-west-1", "aws:ap-southeast-1");

  private final DatadogApis apis;
  private final String dashboardUrl;

  SyntheticTests(DatadogApis apis, String dashboardUrl) {
    this.apis = apis;
    this.dashboardUrl = dashboardUrl;
  }

  record Saved(String publicId, String name, String url, boolean created) {}

  record Listed(
      String publicId, String name, String type, String status, String url, List<String> tags) {}

  Saved healthCheck(URI serviceUrl) {
    String base = serviceUrl.toString().replaceAll("/+$", "");
    var account = apis.account();
    ObjectNode test = BundledAssets.render("synthetics", "health", account.appUrl(), dashboardUrl);
    test.put("name", test.path("name").asText() + " (" + serviceUrl.getAuthority() + ")");
    var variable = (ObjectNode) test.at("/config/configVariables/0");
    variable.put("pattern", base).put("example", base);
    if (!"prod".equals(account.env())) {
      var tags = test.withArray("tags");
      for (int i = 0; i < tags.size(); i++) {
        String tag = tags.get(i).asText();
        if (tag.equals("env:prod")) tags.set(i, "env:" + account.env());
        if (tag.equals("tier:page")) tags.set(i, "tier:channel");
      }
      test.put("message", test.path("message").asText().replace(PAGER, ""));
    }
    return save(test, base + "/health");
  }

  Saved create(String name, String url, String method, int frequencySeconds) {
    var json = JsonNodeFactory.instance;
    var test =
        json.objectNode()
            .put("name", name)
            .put("type", "api")
            .put("subtype", "http")
            .put("status", "live");
    var config = test.putObject("config");
    config.putObject("request").put("method", method).put("url", url).put("timeout", 30);
    var assertions = config.putArray("assertions");
    assertions.addObject().put("type", "statusCode").put("operator", "is").put("target", 200);
    assertions
        .addObject()
        .put("type", "responseTime")
        .put("operator", "lessThan")
        .put("target", 2000);
    var locations = test.putArray("locations");
    LOCATIONS.forEach(locations::add);
    var options = test.putObject("options");
    options.put("tick_every", frequencySeconds).put("min_failure_duration", 300);
    options.put("min_location_failed", 2);
    options.putObject("retry").put("count", 1).put("interval", 1000);
    test.put(
        "message",
        "**What failed**\n"
            + method
            + " "
            + url
            + " did not answer 200 within 2 s from 2 of 3 locations for 5 minutes.\n\n"
            + "{{#is_alert}}"
            + CHANNEL
            + "{{/is_alert}}\n{{#is_recovery}}"
            + CHANNEL
            + " Recovered.{{/is_recovery}}");
    var tags = test.putArray("tags");
    List.of(
            "service:" + apis.account().service(),
            "team:llm-reliability",
            "managed-by:lrcp-api",
            "tier:channel",
            "env:" + apis.account().env())
        .forEach(tags::add);
    return save(test, url);
  }

  List<Listed> list() {
    var api = new SyntheticsApi(apis.api());
    var tests = call("list the synthetic tests", () -> api.listTests().getTests());
    return tests == null ? List.of() : tests.stream().map(SyntheticTests::listed).toList();
  }

  private Saved save(ObjectNode body, String url) {
    var api = new SyntheticsApi(apis.api());
    String name = body.path("name").asText();
    SyntheticsAPITest test = ApiModels.to(body, SyntheticsAPITest.class);
    Optional<String> existing =
        Optional.ofNullable(call("list the synthetic tests", () -> api.listTests().getTests()))
            .orElse(List.of())
            .stream()
            .filter(t -> name.equals(t.getName()))
            .map(SyntheticsTestDetailsWithoutSteps::getPublicId)
            .findFirst();
    if (existing.isPresent()) {
      call("update the synthetic test", () -> api.updateAPITest(existing.get(), test));
      return new Saved(existing.get(), name, url, false);
    }
    String id =
        call("create the synthetic test", () -> api.createSyntheticsAPITest(test).getPublicId());
    return new Saved(id, name, url, true);
  }

  private static Listed listed(SyntheticsTestDetailsWithoutSteps t) {
    String url =
        t.getConfig() == null || t.getConfig().getRequest() == null
            ? null
            : t.getConfig().getRequest().getUrl();
    return new Listed(
        t.getPublicId(),
        t.getName(),
        t.getType() == null ? null : String.valueOf(t.getType().getValue()),
        t.getStatus() == null ? null : String.valueOf(t.getStatus().getValue()),
        url,
        t.getTags() == null ? List.of() : t.getTags());
  }
}
