package dev.lrcp.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * High-precision phrasings of injections and jailbreaks, in English and German (a third of the
 * public injection data is German). The first layer of the detector: the learned model adds recall.
 */
final class InjectionRules {

  record Rule(String name, double weight, Pattern pattern) {}

  /** Bounded: each repetition of a group costs a stack frame, and "the the the…" overflowed it. */
  private static final String PREVIOUS =
      "(?:all |any |the |your |my |these |those ){0,4}(?:previous|prior|above|earlier|preceding|former|original|initial|system|old)";

  private static final String ORDERS =
      "(?:instructions?|prompts?|rules|directions|directives|guidelines|context|commands|orders|tasks?|text|messages|information|input)";

  static final List<Rule> RULES =
      List.of(
          rule(
              "ignore-previous",
              0.95,
              "\\b(?:ignore|disregard|forget|skip|bypass|override|overlook|neglect|drop|discard)\\b[^.\\n]{0,20}?\\b"
                  + PREVIOUS
                  + "\\b[^.\\n]{0,15}?\\b"
                  + ORDERS),
          rule(
              "forget-everything",
              0.9,
              "\\b(?:forget|ignore|disregard) (?:about )?(?:everything|all(?: that)?|that|what)\\b[^.\\n]{0,30}?(?:before|above|previously|said|told|so far|until now)"),
          rule(
              "do-not-follow",
              0.9,
              "\\b(?:do not|don't|stop) (?:follow|obey)(?:ing)? (?:the |your |any )?" + PREVIOUS),
          rule(
              "german-ignore",
              0.9,
              "\\b(?:vergiss|vergessen sie|ignoriere|ignorieren sie|missachte)\\b[^.\\n]{0,30}?\\b(?:alle[sn]?|vorherige[n]?|bisherige[n]?|obige[n]?|davor|zuvor|anweisungen|befehle|aufgaben)"),
          rule(
              "new-instructions",
              0.8,
              "\\b(?:new|updated|real|actual|true) (?:instructions?|task|rules|directive)s?\\s*(?::|are|is)|\\bneue (?:aufgabe|anweisung|anweisungen)\\b"),
          rule(
              "now-you-are",
              0.75,
              "\\b(?:you are now|from now on,? you(?: are|'re| will| must)|you will now act|ab (?:jetzt|sofort) bist du|du bist (?:jetzt|nun))\\b"),
          rule(
              "role-play",
              0.45,
              "\\b(?:act as|acting as|pretend (?:to be|you are|that you)|role-?play as|you are going to act|stell dir vor,? du bist|tu so,? als|spiele die rolle)\\b"),
          rule(
              "reveal-prompt",
              0.9,
              "\\b(?:reveal|show|print|display|output|repeat|tell me|give me|spell|leak|write down)\\b[^.\\n]{0,30}?\\b(?:system prompt|initial prompt|hidden prompt|your instructions|the instructions above|secret (?:password|key|code|word|instructions?)|password|prompt above|api key)"),
          rule(
              "system-prompt",
              0.45,
              "\\b(?:system prompt|systemprompt|system message|developer message)\\b"),
          rule("dan", 0.95, "\\b(?:DAN|do anything now|jailbreak(?:ed|ing)?|jailbroken)\\b"),
          rule(
              "developer-mode",
              0.95,
              "\\b(?:developer mode|dev mode|god mode|sudo mode|unrestricted mode|opposite mode|evil mode|debug mode) (?:enabled|on|activated)?"),
          rule(
              "no-restrictions",
              0.85,
              "\\b(?:without|free (?:of|from)|no|not bound by|ignor\\w+|break\\w*|bypass\\w*)\\b[^.\\n]{0,25}?\\b(?:restrictions|filters?|limitations|censorship|guidelines|ethics|morals|content polic(?:y|ies))\\b"),
          rule("unfiltered", 0.8, "\\b(?:unfiltered|uncensored|amoral|no ethical|no moral)\\b"),
          rule(
              "stay-in-character",
              0.85,
              "\\b(?:stay in character|break character|stay in role)\\b"),
          rule(
              "chat-markup",
              0.9,
              "<\\|im_(?:start|end)\\|>|\\[/?INST\\]|<</?SYS>>|^#{2,} ?(?:system|instruction)s?\\b"),
          rule(
              "exfiltration-image",
              0.9,
              // bounded, possessive and with disjoint classes: tried at every "![" of a long text,
              // the unbounded form read to the end of the text from each
              "!\\[[^\\[\\]]{0,500}+\\]\\(https?://[^)\\s?&]{1,1000}+[?&][^)\\s=]{0,1000}+=[^)]{0,1000}+\\)"),
          rule(
              "say-instead",
              0.7,
              "\\binstead,? (?:just )?(?:say|write|print|output|respond with|reply with|answer with)\\b|\\b(?:sage|schreibe|antworte) (?:nur|jetzt|stattdessen)\\b"),
          rule(
              "hypothetical-bypass",
              0.7,
              "\\b(?:hypothetical(?:ly)?|fictional|in a story where|for educational purposes)\\b[^.\\n]{0,60}?\\b(?:illegal|harmful|dangerous|weapon|drugs|hack|malware|bomb)"),
          rule(
              "prompt-leak-question",
              0.75,
              "\\bwhat (?:is|are|was|were) (?:your|the) (?:system prompt|initial instructions|instructions|hidden instructions|password|secret)\\b"));

  private InjectionRules() {}

  /** The highest weight among matching rules, or 0. */
  static Hit strongest(CharSequence text) {
    Hit best = Hit.NONE;
    for (Rule r : RULES) {
      if (r.weight() > best.weight() && r.pattern().matcher(text).find()) {
        best = new Hit(r.name(), r.weight());
      }
    }
    return best;
  }

  record Hit(String rule, double weight) {
    static final Hit NONE = new Hit(null, 0);
  }

  private static Rule rule(String name, double weight, String regex) {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE;
    if (name.equals("dan")) {
      flags = Pattern.MULTILINE; // acronyms: "dan" and "aim" in lower case are ordinary words
    }
    return new Rule(name, weight, Pattern.compile(regex, flags));
  }
}
