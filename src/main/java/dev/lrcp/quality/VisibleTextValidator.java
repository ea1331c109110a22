package dev.lrcp.quality;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The one definition of a blank text. A character is visible unless it is whitespace or one of the
 * kinds MiniLM's tokenizer (BERT normalisation) deletes: control and format characters (e.g. NUL,
 * zero-width space, byte-order mark), unassigned and private-use code points, lone surrogates, the
 * replacement character, and combining marks without a base. A text of those alone becomes zero
 * wordpieces, which the embedder refuses, so it is refused at the door instead.
 */
public final class VisibleTextValidator implements ConstraintValidator<VisibleText, CharSequence> {

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || isVisible(value);
  }

  /** True when {@code text} has at least one visible character. */
  public static boolean isVisible(CharSequence text) {
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      if (visible(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  private static boolean visible(int c) {
    if (c == 0xFFFD || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK ->
          false;
      default -> true;
    };
  }
}
