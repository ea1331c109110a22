package dev.lrcp.datadog.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lrcp.incident.DatadogAccount;
import dev.lrcp.incident.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cost-optimisation notebook over a window: where the spend goes (model, endpoint), what a call
 * costs, where the tokens go, and whether quality holds on the cheaper models, with the decisions
 * to take from it.
 */
final class CostNotebook {

  private final DatadogAccount account;
  private final Scopes scopes;

  CostNotebook(DatadogAccount account, Scopes scopes) {
    this.account = account;
    this.scopes = scopes;
  }

  /** One notebook per environment and window length, updated in place on each request. */
  String name(String window) {
    return "Cost review " + account.env() + ": last " + window;
  }

  ObjectNode build(String window, Duration length, Instant now) {
    Scope all = dev.lrcp.incident.Scope.SERVICE;
    String cost = "llm.cost.usd" + scopes.metric("llm.cost.usd", all);
    return Cells.notebook(
        name(window),
        now.minus(length),
        now,
        List.of(
            Cells.markdown(
                "# Cost review, last "
                    + window
                    + "\nService `"
                    + account.service()
                    + "`, env `"
                    + account.env()
                    + "`, "
                    + now.minus(length)
                    + " to "
                    + now
                    + ". Spend comes from the service's price table per call (`llm.cost.usd`)."),
            Cells.bars("Spend (USD) by model", "sum:" + cost + " by {model}.as_count()"),
            Cells.bars("Spend (USD) by endpoint", "sum:" + cost + " by {endpoint}.as_count()"),
            Cells.line(
                "p95 cost per call (USD) by model",
                "p95:llm.request.cost_usd"
                    + scopes.metric("llm.request.cost_usd", all)
                    + " by {model}"),
            Cells.bars(
                "Output tokens by model (thinking included)",
                "sum:llm.tokens.output"
                    + scopes.metric("llm.tokens.output", all)
                    + " by {model}.as_count()"),
            Cells.line(
                "p95 input tokens per call by endpoint",
                "p95:llm.request.input_tokens"
                    + scopes.metric("llm.request.input_tokens", all)
                    + " by {endpoint}"),
            Cells.line(
                "Mean grounding score by model (does quality hold on the cheaper one?)",
                "avg:llm.grounding_score"
                    + scopes.metric("llm.grounding_score", all)
                    + " by {model}"),
            Cells.bars(
                "Calls answered by a fallback model",
                "sum:llm.fallback.count"
                    + scopes.metric("llm.fallback.count", all)
                    + " by {requested_model,model}.as_count()"),
            Cells.markdown(
                "## Decisions\n"
                    + "1. A model with most of the spend and a grounding score that holds on the"
                    + " cheaper one: route that endpoint to the cheaper model.\n"
                    + "2. An endpoint whose p95 input tokens grew: cap the document or prompt size"
                    + " there.\n"
                    + "3. Many fallbacks: the primary model is failing, and the fallback's price"
                    + " is what you pay; fix the primary first.")));
  }
}
