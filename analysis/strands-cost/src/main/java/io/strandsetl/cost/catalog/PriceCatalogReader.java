package io.strandsetl.cost.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the price catalog: the bundled, versioned {@code prices.json} (seeded from PRICING.md) plus
 * optional user override files in the same format. Every problem is one line naming the file and
 * the entry (index and item).
 */
public final class PriceCatalogReader {
  /** Classpath location of the bundled catalog. */
  public static final String BUNDLED = "/io/strandsetl/cost/catalog/prices.json";

  private static final Set<String> TOP_FIELDS =
      Set.of("catalogVersion", "currency", "description", "entries");
  private static final Set<String> ENTRY_FIELDS =
      Set.of(
          "item",
          "platform",
          "region",
          "unit",
          "usd",
          "value",
          "effectiveFrom",
          "basis",
          "source",
          "note");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PriceCatalogReader() {}

  /** The bundled catalog alone. */
  public static PriceCatalog bundled(String region) {
    return read(region, List.of());
  }

  /** The bundled catalog with the override files layered on top, in the given order. */
  public static PriceCatalog read(String region, List<Path> overrides) {
    List<CatalogEntry> entries = new ArrayList<>();
    String version;
    try (InputStream in = PriceCatalogReader.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new StrandsException(
            ErrorCode.INTERNAL_ERROR, "Cannot find the bundled price catalog " + BUNDLED);
      }
      version = parse("classpath:" + BUNDLED, new String(in.readAllBytes(), UTF8), entries, true);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot read the bundled price catalog " + BUNDLED, e);
    }
    java.util.Map<String, Boolean> kinds = new java.util.HashMap<>();
    entries.forEach(e -> kinds.put(e.item(), e.price()));
    for (Path file : overrides) {
      String text;
      try {
        text = Files.readString(file, UTF8);
      } catch (NoSuchFileException e) {
        throw new StrandsException(
            ErrorCode.PATH_NOT_FOUND,
            "Cannot read price overrides "
                + file
                + " (no such file; check cost.catalog.overrides)");
      } catch (IOException e) {
        throw new StrandsException(
            ErrorCode.IO_ERROR, "Cannot read price overrides " + file + ": " + e.getMessage(), e);
      }
      List<CatalogEntry> layer = new ArrayList<>();
      parse(file.toString(), text, layer, false);
      for (int i = 0; i < layer.size(); i++) {
        CatalogEntry e = layer.get(i);
        Boolean bundledPrice = kinds.get(e.item());
        // A model reads an item as a price or as a fact; swapping usd/value would be silently
        // wrong.
        if (bundledPrice != null && bundledPrice != e.price()) {
          throw failEntry(
              file.toString(),
              i,
              e.item(),
              (e.price() ? "gives usd" : "gives value")
                  + " but the bundled catalog has it as "
                  + (bundledPrice ? "a price (usd)" : "a billing fact (value)"));
        }
      }
      entries.addAll(layer);
    }
    return new PriceCatalog(version, region, entries);
  }

  /** Parses one catalog text (for tests and tools); returns its catalogVersion or "". */
  static String parse(String origin, String text, List<CatalogEntry> into, boolean base) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw fail(
          origin,
          "is not valid JSON at line "
              + e.getLocation().getLineNr()
              + " column "
              + e.getLocation().getColumnNr()
              + " ("
              + e.getOriginalMessage()
              + ")");
    }
    if (root == null || !root.isObject()) {
      throw fail(origin, "must be a JSON object with an \"entries\" array");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!TOP_FIELDS.contains(f)) {
        throw fail(origin, "has unknown field '" + f + "' (known: " + sorted(TOP_FIELDS) + ")");
      }
    }
    String version = root.path("catalogVersion").asText("");
    if (base && version.isBlank()) {
      throw fail(origin, "has no catalogVersion");
    }
    String currency = root.path("currency").asText("USD");
    if (!currency.equals("USD")) {
      throw fail(origin, "has currency '" + currency + "' (only USD is supported)");
    }
    JsonNode list = root.get("entries");
    if (list == null || !list.isArray()) {
      throw fail(origin, "has no \"entries\" array");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      CatalogEntry e = entry(origin, i, list.get(i));
      if (!seen.add(e.item() + "|" + e.region() + "|" + e.effectiveFrom())) {
        throw failEntry(
            origin,
            i,
            e.item(),
            "duplicates an earlier entry for region "
                + e.region()
                + " effective "
                + e.effectiveFrom());
      }
      into.add(e);
    }
    return version;
  }

  private static CatalogEntry entry(String origin, int index, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw failEntry(origin, index, "?", "is not an object");
    }
    String item = node.path("item").asText("");
    if (item.isBlank()) {
      throw failEntry(origin, index, "?", "has no item");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ENTRY_FIELDS.contains(f)) {
        throw failEntry(
            origin,
            index,
            item,
            "has unknown field '" + f + "' (known: " + sorted(ENTRY_FIELDS) + ")");
      }
    }
    boolean hasUsd = node.has("usd");
    boolean hasValue = node.has("value");
    if (hasUsd == hasValue) {
      throw failEntry(
          origin, index, item, "needs exactly one of usd (a price) or value (a billing fact)");
    }
    JsonNode number = hasUsd ? node.get("usd") : node.get("value");
    if (!number.isNumber()) {
      throw failEntry(
          origin, index, item, (hasUsd ? "usd" : "value") + " '" + number + "' is not a number");
    }
    double value = number.asDouble();
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw failEntry(origin, index, item, "value " + value + " must be a finite number >= 0");
    }
    String region = required(origin, index, item, node, "region");
    String unit = required(origin, index, item, node, "unit");
    String source = required(origin, index, item, node, "source");
    String platform = node.path("platform").asText("");
    String rawDate = required(origin, index, item, node, "effectiveFrom");
    LocalDate from;
    try {
      from = LocalDate.parse(rawDate);
    } catch (DateTimeParseException e) {
      throw failEntry(
          origin, index, item, "effectiveFrom '" + rawDate + "' is not a date (YYYY-MM-DD)");
    }
    String rawBasis = node.path("basis").asText("vendor");
    PriceBasis basis = PriceBasis.parse(rawBasis);
    if (basis == null) {
      throw failEntry(
          origin,
          index,
          item,
          "basis '" + rawBasis + "' is unknown (known: vendor, third-party, assumption)");
    }
    return new CatalogEntry(
        item,
        platform,
        region,
        unit,
        value,
        hasUsd,
        from,
        basis,
        source,
        node.path("note").asText(""),
        origin);
  }

  private static String required(
      String origin, int index, String item, JsonNode node, String field) {
    String v = node.path(field).asText("");
    if (v.isBlank()) {
      throw failEntry(origin, index, item, "has no " + field);
    }
    return v;
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new java.util.TreeSet<>(names));
  }

  private static StrandsException fail(String origin, String what) {
    return new StrandsException(
        ErrorCode.INVALID_CONFIG, "Invalid price catalog " + origin + ": " + what);
  }

  private static StrandsException failEntry(String origin, int index, String item, String what) {
    return new StrandsException(
        ErrorCode.INVALID_CONFIG,
        "Invalid price catalog " + origin + " entry #" + (index + 1) + " (" + item + "): " + what);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
