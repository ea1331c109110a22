package dev.lrcp.boundaryfixture.billing;

import dev.lrcp.boundaryfixture.catalog.internal.PriceTable;

/** Billing reaching past the catalog's API into its internals: the violation under test. */
public final class Invoices {

  public double total(String item) {
    return new PriceTable().lookup(item);
  }
}
