package dev.lrcp.quality;

import java.util.regex.Pattern;

/**
 * A refusal ("I don't have information about that") is not a hallucination: it has no support in
 * the document because it claims nothing, so it is never flagged ungrounded. Routing's cascade
 * escalates on one: a stronger model may answer.
 */
public final class Refusals {

  private static final Pattern REFUSAL =
      Pattern.compile(
          "^\\W*(?:i(?: am|'m)? (?:sorry|afraid)[, ]+)?(?:but )?(?:i (?:do not|don't|cannot|can't|could not|couldn't)"
              + " (?:know|find|answer|say|tell|determine|help)|i have no (?:information|idea)|"
              + "i don't have (?:any |enough )?(?:information|data|details)|"
              + "(?:the|this)(?: provided| given)? (?:document|context|text) (?:does not|doesn't) (?:say|mention|contain|provide))",
          Pattern.CASE_INSENSITIVE);

  private Refusals() {}

  /** Whether the answer declines to answer rather than claiming anything. */
  public static boolean isRefusal(String answer) {
    return REFUSAL.matcher(answer.strip()).find();
  }
}
