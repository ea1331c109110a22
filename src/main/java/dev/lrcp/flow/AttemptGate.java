package dev.lrcp.flow;

/**
 * Lets each model attempt of a call through, or refuses it, once the model it is about to call is
 * known (after routing, and again for every escalation): the admission stage installs one to check
 * the model and reserve the attempt's worst-case cost and tokens. Runs outside the attempt's span,
 * so a refused attempt is never traced.
 */
@FunctionalInterface
public interface AttemptGate {

  AttemptGate OPEN = (call, model) -> Pass.NONE;

  /**
   * @return what to do once the attempt is over
   * @throws RuntimeException the refusal, which ends the call
   */
  Pass enter(Call call, String model);

  /** An attempt let through. */
  @FunctionalInterface
  interface Pass {
    Pass NONE = attempt -> {};

    /**
     * @param attempt the attempt made, or null when none was (a failure before the model call)
     */
    void settle(Attempt attempt);
  }
}
