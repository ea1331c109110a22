package dev.lrcp.security;

/**
 * Layers: phrasing rules, then the learned n-gram model; for documents also the instruction-line
 * structure check and the model applied line by line (an attack is one line among many benign ones,
 * which a whole-text score dilutes). The score is the strongest layer.
 */
final class InjectionDetector {

  private final InjectionModel model;

  InjectionDetector(InjectionModel model) {
    this.model = model;
  }

  Detection detect(String text, InputSource source) {
    InjectionRules.Hit rule = InjectionRules.strongest(text);
    double learned = 0;
    double structure = 0;
    if (source == InputSource.PROMPT) {
      learned = model.probability(text);
    } else {
      // Line by line: a whole-document score is dominated by the benign text around the attack.
      structure = DocumentInstructions.score(text);
      for (String line : DocumentInstructions.lines(text)) {
        learned = Math.max(learned, model.probability(line));
      }
    }
    double score = Math.max(rule.weight(), Math.max(learned, structure));
    return new Detection(score, rule.rule(), learned, structure);
  }

  /**
   * @param rule the strongest matching rule, or null
   * @param learned the n-gram model's probability (the highest line for documents)
   * @param structure the document instruction-line score (0 for prompts)
   */
  record Detection(double score, String rule, double learned, double structure) {}
}
