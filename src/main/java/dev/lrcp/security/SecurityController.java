package dev.lrcp.security;

import dev.lrcp.quality.VisibleText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /security/scan}: scores one text as a prompt or as a retrieved document. */
@RestController
class SecurityController {

  private final PolicySecurityScanner scanner;

  SecurityController(PolicySecurityScanner scanner) {
    this.scanner = scanner;
  }

  @PostMapping("/security/scan")
  ScanResponse scan(@Valid @RequestBody ScanRequest request) {
    PolicySecurityScanner.Analysis a = scanner.analyze(request.text(), request.source());
    InjectionDetector.Detection d = a.detection();
    return new ScanResponse(
        request.source().wireName(),
        d.score(),
        a.injectionFlag(),
        a.threshold(),
        d.rule(),
        d.learned(),
        d.structure(),
        a.piiTypes(),
        a.tokenAbuse(),
        a.estimatedTokens());
  }

  record ScanRequest(
      @NotNull @VisibleText @Size(max = 100_000) String text, @NotNull InputSource source) {}

  /**
   * @param matchedRule the strongest phrasing rule that matched, or null
   * @param learnedScore the n-gram model's probability (highest line, for documents)
   * @param instructionLineScore how strongly a document line reads as an order to the model
   */
  record ScanResponse(
      String source,
      double injectionScore,
      boolean injectionFlag,
      double threshold,
      String matchedRule,
      double learnedScore,
      double instructionLineScore,
      Set<String> piiTypes,
      boolean tokenAbuse,
      int estimatedTokens) {}
}
