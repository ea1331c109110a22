package dev.lrcp.optimization;

import dev.lrcp.routing.ModelChoice;
import dev.lrcp.routing.ModelChoices;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What implemented recommendations changed in the service, and the audit trail of changes. */
@RestController
class ControlsController {

  private static final int AUDIT_ENTRIES = 50;

  private final Limits limits;
  private final ModelChoices choices;
  private final Implementations audit;

  ControlsController(Limits limits, ModelChoices choices, Implementations audit) {
    this.limits = limits;
    this.choices = choices;
    this.audit = audit;
  }

  /**
   * @param outputCaps the active output-token caps per endpoint
   * @param thinkingBudgets the active thinking budgets per endpoint
   * @param modelChoices the models chosen per endpoint at run time (also in {@code GET /routing})
   * @param audit the latest implements and reverts, newest first
   */
  record Controls(
      List<Limits.Limit> outputCaps,
      List<Limits.Limit> thinkingBudgets,
      List<ModelChoice> modelChoices,
      List<Implementations.Entry> audit) {}

  @GetMapping("/optimization/controls")
  Controls controls() {
    return new Controls(
        limits.all(Control.MAX_TOKENS),
        limits.all(Control.THINKING_BUDGET),
        choices.active(),
        audit.recent(AUDIT_ENTRIES));
  }
}
