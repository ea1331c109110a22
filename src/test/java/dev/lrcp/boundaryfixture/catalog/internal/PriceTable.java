package dev.lrcp.boundaryfixture.catalog.internal;

/** Internal to the catalog module: public only for the catalog's own use. */
public final class PriceTable {

  public double lookup(String item) {
    return item.length();
  }
}
