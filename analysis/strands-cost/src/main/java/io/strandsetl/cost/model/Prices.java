package io.strandsetl.cost.model;

import io.strandsetl.cost.catalog.CatalogEntry;
import io.strandsetl.cost.catalog.PriceCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Catalog look-ups for one usage date that also remember each figure as a formula input. */
final class Prices {
  private final PriceCatalog catalog;
  private final LocalDate date;
  private final Set<String> notes = new TreeSet<>();

  Prices(PriceCatalog catalog, LocalDate date) {
    this.catalog = catalog;
    this.date = date;
  }

  PriceCatalog catalog() {
    return catalog;
  }

  /** The figure's value; adds it to {@code inputs}. */
  double get(String item, List<FormulaInput> inputs) {
    PriceCatalog.Lookup lookup = catalog.lookup(item, date);
    CatalogEntry e = lookup.entry();
    if (lookup.beforeCatalog()) {
      notes.add(
          item
              + ": usage date "
              + date
              + " precedes the catalog (first entry effective "
              + e.effectiveFrom()
              + "); that entry was used");
    }
    if (e.basis() != io.strandsetl.cost.catalog.PriceBasis.VENDOR) {
      notes.add(item + " is " + e.basis().key() + ": " + e.describe());
    }
    if (inputs != null) {
      inputs.add(new FormulaInput(item, e.value(), e.unit(), e.source()));
    }
    return e.value();
  }

  boolean has(String item) {
    return catalog.find(item, date).isPresent();
  }

  List<String> items(String prefix) {
    return catalog.items(prefix);
  }

  List<String> notes() {
    return new ArrayList<>(notes);
  }
}
