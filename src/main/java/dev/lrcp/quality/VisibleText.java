package dev.lrcp.quality;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text holds something a reader or a model can see ({@link VisibleTextValidator#isVisible}),
 * not only spaces, control or format characters. What every prompt, question and scored text must
 * be; null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = VisibleTextValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface VisibleText {

  String message() default "must contain visible text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
