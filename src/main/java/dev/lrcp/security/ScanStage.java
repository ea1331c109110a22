package dev.lrcp.security;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import org.springframework.stereotype.Component;

/**
 * Scans every call's input before a model sees it; under the block policy a flagged call ends here
 * with {@link PolicyBlockedException}.
 */
@Component
class ScanStage implements CallStage {

  private final SecurityScanner scanner;

  ScanStage(SecurityScanner scanner) {
    this.scanner = scanner;
  }

  @Override
  public Stage stage() {
    return Stage.SCAN;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    var request = call.request();
    SecurityVerdict verdict =
        scanner.scan(request.question(), request.document(), request.tags().client());
    call.security(
        new CallRecord.Security(
            verdict.injectionScore(),
            verdict.injectionFlag(),
            verdict.injectionSource(),
            verdict.piiTypes(),
            verdict.tokenAbuse(),
            verdict.blocked()));
    if (verdict.blocked()) {
      throw new PolicyBlockedException(call.promptId(), verdict.blockReason());
    }
    return next.proceed(call);
  }
}
