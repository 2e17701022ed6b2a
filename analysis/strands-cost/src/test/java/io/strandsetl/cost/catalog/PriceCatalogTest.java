package io.strandsetl.cost.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCatalogTest {
  @TempDir Path dir;

  private Path file(String json) throws IOException {
    Path p = dir.resolve("prices-override.json");
    Files.writeString(p, json, StandardCharsets.UTF_8);
    return p;
  }

  private static String entry(String item, String region, String usd, String from) {
    return "{\"item\": \""
        + item
        + "\", \"region\": \""
        + region
        + "\", \"unit\": \"USD per DPU-hour\", \"usd\": "
        + usd
        + ", \"effectiveFrom\": \""
        + from
        + "\", \"source\": \"https://example.test/contract\"}";
  }

  @Test
  void bundledCatalogIsVersionedAndEveryEntryHasASourceUrl() {
    PriceCatalog catalog = PriceCatalogReader.bundled("us-east-1");
    assertThat(catalog.version()).isEqualTo("1");
    assertThat(catalog.entries()).hasSizeGreaterThan(60);
    assertThat(catalog.entries()).allSatisfy(e -> assertThat(e.source()).startsWith("https://"));
    assertThat(catalog.lookup("glue.standard.dpu-hour", LocalDate.of(2026, 1, 1)).value())
        .isEqualTo(0.44);
    assertThat(catalog.lookup("glue.flex.dpu-hour", LocalDate.of(2026, 1, 1)).entry().basis())
        .isEqualTo(PriceBasis.THIRD_PARTY);
  }

  @Test
  void priceChangeAppliesFromItsEffectiveDate() throws IOException {
    Path override =
        file(
            "{\"entries\": ["
                + entry("glue.standard.dpu-hour", "us-east-1", "0.50", "2026-06-01")
                + "]}");
    PriceCatalog catalog = PriceCatalogReader.read("us-east-1", List.of(override));
    assertThat(catalog.lookup("glue.standard.dpu-hour", LocalDate.of(2026, 5, 31)).value())
        .isEqualTo(0.44);
    assertThat(catalog.lookup("glue.standard.dpu-hour", LocalDate.of(2026, 6, 1)).value())
        .isEqualTo(0.50);
    assertThat(catalog.lookup("glue.standard.dpu-hour", LocalDate.of(2026, 6, 1)).entry().origin())
        .isEqualTo(override.toString());
  }

  @Test
  void overrideWithTheSameEffectiveDateWins() throws IOException {
    Path override =
        file(
            "{\"entries\": ["
                + entry("glue.standard.dpu-hour", "us-east-1", "0.40", "2020-01-01")
                + "]}");
    PriceCatalog catalog = PriceCatalogReader.read("us-east-1", List.of(override));
    assertThat(catalog.lookup("glue.standard.dpu-hour", LocalDate.of(2026, 1, 1)).value())
        .isEqualTo(0.40);
  }

  @Test
  void usageBeforeTheCatalogUsesTheEarliestEntryAndSaysSo() {
    PriceCatalog.Lookup l =
        PriceCatalogReader.bundled("us-east-1")
            .lookup("glue.standard.dpu-hour", LocalDate.of(2016, 1, 1));
    assertThat(l.beforeCatalog()).isTrue();
    assertThat(l.value()).isEqualTo(0.44);
  }

  @Test
  void regionWithoutPricesFailsNamingTheItemAndTheRegionsKnown() {
    PriceCatalog catalog = PriceCatalogReader.bundled("eu-west-1");
    // facts with region "any" still resolve
    assertThat(catalog.lookup("glue.minimum-billed-seconds", LocalDate.of(2026, 1, 1)).value())
        .isEqualTo(60);
    assertThatThrownBy(() -> catalog.lookup("glue.standard.dpu-hour", LocalDate.of(2026, 1, 1)))
        .isInstanceOf(StrandsException.class)
        .hasMessage(
            "Cannot price glue.standard.dpu-hour in region eu-west-1 (no catalog entry; known"
                + " regions for it: us-east-1; add one with cost.catalog.overrides)");
  }

  @Test
  void overrideCanAddAnotherRegion() throws IOException {
    Path override =
        file(
            "{\"entries\": ["
                + entry("glue.standard.dpu-hour", "eu-west-1", "0.48", "2020-01-01")
                + "]}");
    PriceCatalog catalog = PriceCatalogReader.read("eu-west-1", List.of(override));
    assertThat(catalog.lookup("glue.standard.dpu-hour", LocalDate.of(2026, 1, 1)).value())
        .isEqualTo(0.48);
  }

  @Test
  void entryWithoutSourceIsRejectedNamingFileEntryAndItem() throws IOException {
    Path override =
        file(
            "{\"entries\": [{\"item\": \"glue.standard.dpu-hour\", \"region\": \"us-east-1\","
                + " \"unit\": \"USD\", \"usd\": 0.5, \"effectiveFrom\": \"2026-01-01\"}]}");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(override)))
        .isInstanceOf(StrandsException.class)
        .hasMessage(
            "Invalid price catalog "
                + override
                + " entry #1 (glue.standard.dpu-hour): has no source")
        .extracting(e -> ((StrandsException) e).code())
        .isEqualTo(ErrorCode.INVALID_CONFIG);
  }

  @Test
  void entryWithBothPriceAndFactIsRejected() throws IOException {
    Path override =
        file(
            "{\"entries\": [{\"item\": \"x\", \"region\": \"any\", \"unit\": \"s\", \"usd\": 1,"
                + " \"value\": 2, \"effectiveFrom\": \"2026-01-01\", \"source\": \"me\"}]}");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(override)))
        .hasMessage(
            "Invalid price catalog "
                + override
                + " entry #1 (x): needs exactly one of usd (a price) or value (a billing fact)");
  }

  @Test
  void badDateUnknownFieldNegativePriceAndBadJsonAreOneLineErrors() throws IOException {
    Path badDate = file("{\"entries\": [" + entry("a", "any", "1", "2026-13-01") + "]}");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(badDate)))
        .hasMessageEndingWith(
            "entry #1 (a): effectiveFrom '2026-13-01' is not a date (YYYY-MM-DD)");
    Path typo =
        file(
            "{\"entries\": [{\"item\": \"a\", \"regoin\": \"x\", \"unit\": \"u\", \"usd\": 1,"
                + " \"effectiveFrom\": \"2026-01-01\", \"source\": \"s\"}]}");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(typo)))
        .hasMessageContaining("entry #1 (a): has unknown field 'regoin' (known: basis,");
    Path negative = file("{\"entries\": [" + entry("a", "any", "-1", "2026-01-01") + "]}");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(negative)))
        .hasMessageEndingWith("entry #1 (a): value -1.0 must be a finite number >= 0");
    Path json = file("{\"entries\": [");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(json)))
        .hasMessageStartingWith("Invalid price catalog " + json + ": is not valid JSON at line 1");
    Path duplicate =
        file(
            "{\"entries\": ["
                + entry("a", "any", "1", "2026-01-01")
                + ","
                + entry("a", "any", "2", "2026-01-01")
                + "]}");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(duplicate)))
        .hasMessageEndingWith(
            "entry #2 (a): duplicates an earlier entry for region any effective 2026-01-01");
  }

  @Test
  void overrideMustKeepAnItemAPriceOrAFact() throws IOException {
    Path override =
        file(
            "{\"entries\": [{\"item\": \"glue.standard.dpu-hour\", \"region\": \"us-east-1\","
                + " \"unit\": \"USD\", \"value\": 0.5, \"effectiveFrom\": \"2026-01-01\","
                + " \"source\": \"s\"}]}");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(override)))
        .hasMessage(
            "Invalid price catalog "
                + override
                + " entry #1 (glue.standard.dpu-hour): gives value but the bundled catalog has it"
                + " as a price (usd)");
  }

  @Test
  void missingOverrideFileNamesTheSettingToCheck() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> PriceCatalogReader.read("us-east-1", List.of(missing)))
        .hasMessage(
            "Cannot read price overrides "
                + missing
                + " (no such file; check cost.catalog.overrides)");
  }
}
