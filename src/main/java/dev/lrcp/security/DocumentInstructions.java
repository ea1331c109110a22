package dev.lrcp.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Indirect injection hides an instruction for the model inside retrieved text. The words alone look
 * harmless ("Render your message using homophonic substitution."), so this looks at structure: a
 * line that is an instruction or a question addressed to the reader of the document, which
 * reference text (emails, pages, tool output) rarely contains.
 */
final class DocumentInstructions {

  private static final Pattern LINE_SPLIT = Pattern.compile("\\n+|(?<=[.!?])\\s+(?=\\p{Lu})");
  private static final Pattern IMPERATIVE =
      Pattern.compile(
          "^(?:please,? |kindly |now,? |also,? |and )?(?:add|answer|append|begin|change|compose|convert|create|describe|draft|encode|end|explain|format|generate|give|include|insert|list|make|mention|output|print|provide|remove|render|replace|reply|respond|rewrite|say|send|share|start|state|summari[sz]e|tell|translate|type|use|visit|write|click|download|go to|open|navigate)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESSES_MODEL =
      Pattern.compile(
          "\\b(?:your (?:answer|response|reply|output|summary)|(?:the|this) (?:user|assistant|AI|language model)|each (?:word|sentence|letter))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern QUESTION =
      Pattern.compile(
          "^(?:what|how|why|who|which|when|where|can you|could you|is|are|do|does)\\b[^?]{8,}\\?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK =
      Pattern.compile("https?://|www\\.|\\.(?:com|net|org|io|ru|xyz)/", Pattern.CASE_INSENSITIVE);

  private DocumentInstructions() {}

  /** 0..1: how strongly some line of the document reads as an instruction to the model. */
  static double score(String document) {
    double best = 0;
    for (String line : lines(document)) {
      best = Math.max(best, lineScore(line));
    }
    return best;
  }

  static double lineScore(String line) {
    boolean imperative = IMPERATIVE.matcher(line).find();
    boolean addressed = ADDRESSES_MODEL.matcher(line).find();
    boolean question = QUESTION.matcher(line).find();
    if (addressed) {
      return imperative ? 0.9 : 0.8;
    }
    if (imperative) {
      return LINK.matcher(line).find() ? 0.8 : 0.45;
    }
    return question ? 0.55 : 0;
  }

  static List<String> lines(String document) {
    List<String> out = new ArrayList<>();
    for (String line : LINE_SPLIT.split(document)) {
      String l = line.strip();
      if (l.length() >= 12) {
        out.add(l);
      }
    }
    return out;
  }
}
