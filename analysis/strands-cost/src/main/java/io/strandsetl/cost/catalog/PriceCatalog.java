package io.strandsetl.cost.catalog;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The versioned price catalog: figures with effective dates, looked up by item, region and the date
 * the usage happened (a price change applies to usage from its effective date on, as in Databricks'
 * list-price table). User overrides are later layers: for the same item, region and effective date
 * an override wins.
 */
public final class PriceCatalog {
  private final String version;
  private final String region;
  // item -> entries in layer order (base first, overrides later); searched newest effective first.
  private final Map<String, List<CatalogEntry>> byItem;

  PriceCatalog(String version, String region, List<CatalogEntry> entries) {
    this.version = version;
    this.region = region;
    Map<String, List<CatalogEntry>> map = new TreeMap<>();
    for (CatalogEntry e : entries) {
      map.computeIfAbsent(e.item(), k -> new ArrayList<>()).add(e);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    this.byItem = map;
  }

  /** The catalog version of the base file (overrides do not change it). */
  public String version() {
    return version;
  }

  /** The region prices are looked up in ({@code cost.region}, default {@code us-east-1}). */
  public String region() {
    return region;
  }

  /** A copy of this catalog looking prices up in another region. */
  public PriceCatalog inRegion(String otherRegion) {
    return new PriceCatalog(version, otherRegion, entries());
  }

  /** Every entry, sorted by item then effective date then layer. */
  public List<CatalogEntry> entries() {
    List<CatalogEntry> all = new ArrayList<>();
    byItem.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  /**
   * The entry for {@code item} in this catalog's region that is effective on {@code date}: the one
   * with the latest effective date not after {@code date} (an override wins a tie). When every
   * entry starts after {@code date} (an old event log), the earliest entry is returned and {@link
   * Lookup#beforeCatalog()} says so.
   *
   * @throws StrandsException INVALID_CONFIG when the item has no entry for the region
   */
  public Lookup lookup(String item, LocalDate date) {
    return find(item, date)
        .orElseThrow(
            () ->
                new StrandsException(
                    ErrorCode.INVALID_CONFIG,
                    "Cannot price "
                        + item
                        + " in region "
                        + region
                        + " (no catalog entry; known regions for it: "
                        + regionsOf(item)
                        + "; add one with cost.catalog.overrides)"));
  }

  /** Like {@link #lookup} but empty when the item has no entry for the region. */
  public Optional<Lookup> find(String item, LocalDate date) {
    List<CatalogEntry> candidates = new ArrayList<>();
    for (CatalogEntry e : byItem.getOrDefault(item, List.of())) {
      if (e.appliesIn(region)) {
        candidates.add(e);
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    CatalogEntry best = null;
    for (CatalogEntry e : candidates) {
      // ">=" so a later layer (override) wins over an entry with the same effective date.
      if (!e.effectiveFrom().isAfter(date)
          && (best == null || !e.effectiveFrom().isBefore(best.effectiveFrom()))) {
        best = e;
      }
    }
    if (best != null) {
      return Optional.of(new Lookup(best, false));
    }
    CatalogEntry earliest =
        candidates.stream().min(Comparator.comparing(CatalogEntry::effectiveFrom)).orElseThrow();
    return Optional.of(new Lookup(earliest, true));
  }

  /** Item ids starting with {@code prefix}, sorted. */
  public List<String> items(String prefix) {
    List<String> out = new ArrayList<>();
    for (String item : byItem.keySet()) {
      if (item.startsWith(prefix)) {
        out.add(item);
      }
    }
    return out;
  }

  private String regionsOf(String item) {
    TreeSet<String> regions = new TreeSet<>();
    byItem.getOrDefault(item, List.of()).forEach(e -> regions.add(e.region()));
    return regions.isEmpty() ? "none" : String.join(", ", regions);
  }

  /**
   * A looked-up figure.
   *
   * @param entry the catalog entry used
   * @param beforeCatalog true when the usage date precedes every entry and the earliest was used
   */
  public record Lookup(CatalogEntry entry, boolean beforeCatalog) {
    public double value() {
      return entry.value();
    }
  }
}
