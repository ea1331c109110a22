package dev.lrcp.boundaryfixture.catalog;

import dev.lrcp.boundaryfixture.catalog.internal.PriceTable;

/** The catalog module's API. */
public final class Catalog {

  public double price(String item) {
    return new PriceTable().lookup(item);
  }
}
