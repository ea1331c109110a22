package dev.lrcp.datadog;

/** A composite monitor's condition over the ids of the monitors it combines. */
sealed interface BoolExpr {

  record Monitor(long id) implements BoolExpr {}

  record Not(BoolExpr operand) implements BoolExpr {}

  record And(BoolExpr left, BoolExpr right) implements BoolExpr {}

  record Or(BoolExpr left, BoolExpr right) implements BoolExpr {}
}
