package dev.lrcp.optimization;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What implemented recommendations changed in the service, and the audit trail of changes. */
@RestController
class ControlsController {

  private static final int AUDIT_ENTRIES = 50;

  private final OutputCaps caps;
  private final Implementations audit;

  ControlsController(OutputCaps caps, Implementations audit) {
    this.caps = caps;
    this.audit = audit;
  }

  /**
   * @param outputCaps the active output-token caps per endpoint
   * @param audit the latest implements and reverts, newest first
   */
  record Controls(List<OutputCaps.Cap> outputCaps, List<Implementations.Entry> audit) {}

  @GetMapping("/optimization/controls")
  Controls controls() {
    return new Controls(caps.all(), audit.recent(AUDIT_ENTRIES));
  }
}
