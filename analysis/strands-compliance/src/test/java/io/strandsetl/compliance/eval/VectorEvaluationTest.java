package io.strandsetl.compliance.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.compliance.pii.ColumnContext;
import io.strandsetl.compliance.pii.ColumnFinding;
import io.strandsetl.compliance.pii.ColumnScan;
import io.strandsetl.compliance.pii.EntityType;
import io.strandsetl.compliance.pii.Match;
import io.strandsetl.compliance.pii.PiiScanner;
import io.strandsetl.testkit.SharedData;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recognizers against third-party vectors (libphonenumber examples, commons-validator IBANs and
 * cards, python-stdnum national identifiers, FakeNameGenerator columns), with mutated copies as
 * negatives: one digit changed, so the checksum (or the number plan) fails. Each test prints an
 * {@code EVAL} line per measure (docs/compliance.md quotes them).
 */
class VectorEvaluationTest {
  private final PiiScanner scanner = PiiScanner.defaults();

  static List<String[]> csv(Path file) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        return rows;
      }
      String line;
      while ((line = r.readLine()) != null) {
        rows.add(parseCsvLine(line));
      }
    }
    return rows;
  }

  static String[] parseCsvLine(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells.toArray(String[]::new);
  }

  /** The value with one digit changed (the middle digit, +1 mod 10): a single-digit error. */
  static String mutate(String value) {
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        digits.add(i);
      }
    }
    if (digits.isEmpty()) {
      return value;
    }
    int at = digits.get(digits.size() / 2);
    char[] chars = value.toCharArray();
    chars[at] = (char) ('0' + (chars[at] - '0' + 1) % 10);
    return new String(chars);
  }

  private boolean found(String text, EntityType entity, ColumnContext column) {
    for (Match m : scanner.scan(text, column)) {
      if (m.entity() == entity) {
        return true;
      }
    }
    return false;
  }

  private static void print(String set, String what, Score s) {
    System.out.println("EVAL|" + set + "|" + what + "|" + s);
  }

  @Test
  void findsLibphonenumberExamplesAndRejectsTruncatedOnes() throws Exception {
    List<String[]> rows =
        csv(SharedData.data("pii/libphonenumber/example_numbers_all_regions.csv"));
    Score freeText = new Score();
    Score column = new Score();
    for (String[] row : rows) {
      String e164 = row[4];
      String truncated = e164.substring(0, e164.length() - 3);
      if (found("Please call " + e164 + " today.", EntityType.PHONE_NUMBER, null)) {
        freeText.tp++;
      } else {
        freeText.fn++;
      }
      if (found("Ref " + truncated + " today.", EntityType.PHONE_NUMBER, null)) {
        freeText.fp++;
      }
      ColumnContext phone = ColumnContext.of("phone");
      if (found(e164, EntityType.PHONE_NUMBER, phone)) {
        column.tp++;
      } else {
        column.fn++;
      }
      if (found(truncated, EntityType.PHONE_NUMBER, phone)) {
        column.fp++;
      }
    }
    print("libphonenumber 1,148 E.164 + truncated negatives", "free text", freeText);
    print("libphonenumber 1,148 E.164 + truncated negatives", "column 'phone'", column);
    assertThat(freeText.f1()).isGreaterThanOrEqualTo(0.80);
    assertThat(freeText.recall()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void validatesCommonsValidatorIbansAndRejectsOneDigitErrors() throws Exception {
    Score s = new Score();
    for (String line : Files.readAllLines(SharedData.data("pii/commons-validator/IBANtests.txt"))) {
      String iban = line.strip();
      if (iban.isEmpty() || iban.startsWith("#")) {
        continue;
      }
      if (iban.startsWith("-")) { // the file's negatives: a leading minus means "must fail"
        if (found(iban.substring(1), EntityType.IBAN, null)) {
          s.fp++;
        }
        continue;
      }
      if (found(iban, EntityType.IBAN, null)) {
        s.tp++;
      } else {
        s.fn++;
        System.out.println("MISS|iban|" + iban);
      }
      if (found(mutate(iban), EntityType.IBAN, null)) {
        s.fp++;
      }
    }
    print("commons-validator IBANtests (83) + one-digit mutations", "IBAN", s);
    assertThat(s.f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(s.fp).isZero(); // MOD 97-10 detects every single-digit error
  }

  @Test
  void validatesStdnumIbansAgainstTheirExpectedResult() throws Exception {
    Score s = new Score();
    for (String[] row : csv(SharedData.data("pii/python-stdnum/stdnum_test_vectors.csv"))) {
      if (!row[1].equals("iban")) {
        continue;
      }
      boolean expected = row[3].equals("True");
      boolean got = found(row[5], EntityType.IBAN, ColumnContext.of("iban"));
      if (expected && got) {
        s.tp++;
      } else if (expected) {
        s.fn++;
        System.out.println("MISS|stdnum-iban|" + row[5]);
      } else if (got) {
        s.fp++;
      }
      if (expected && found(mutate(row[5]), EntityType.IBAN, ColumnContext.of("iban"))) {
        s.fp++;
      }
    }
    print("python-stdnum iban (196 valid, 19 invalid) + one-digit mutations", "IBAN", s);
    assertThat(s.f1()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void recognisesCardsWithAValidLuhnAndAKnownScheme() throws Exception {
    Score s = new Score();
    int rows = 0;
    for (String[] row : csv(SharedData.data("pii/commons-validator/creditcard_test_vectors.csv"))) {
      String value = row[4];
      if (value.isBlank()
          || !value.chars().allMatch(c -> Character.isDigit(c) || c == ' ' || c == '-')) {
        continue;
      }
      rows++;
      boolean luhn = row[6].equals("True");
      boolean got = found(value, EntityType.PAYMENT_CARD, null);
      if (luhn && got) {
        s.tp++;
      } else if (luhn) {
        s.fn++;
      } else if (got) {
        s.fp++;
      }
      if (luhn && found(mutate(value), EntityType.PAYMENT_CARD, null)) {
        s.fp++;
      }
    }
    print(
        "commons-validator cards (" + rows + " rows, truth = Luhn) + one-digit mutations",
        "payment card",
        s);
    assertThat(s.fp).isZero(); // Luhn detects every single-digit error
    assertThat(s.f1()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void acceptsStdnumNationalIdsAndRejectsOneDigitErrors() throws Exception {
    Map<String, Score> perScheme = new LinkedHashMap<>();
    for (String scheme :
        List.of(
            "it_codicefiscale",
            "se_personnummer",
            "no_fodselsnummer",
            "za_idnr",
            "gr_amka",
            "kr_rrn",
            "tr_tckimlik")) {
      perScheme.put(scheme, new Score());
    }
    for (String[] row : csv(SharedData.data("pii/python-stdnum/stdnum_test_vectors.csv"))) {
      Score s = perScheme.get(row[1]);
      if (s == null || !row[3].equals("True")) {
        continue;
      }
      if (acceptedAs(row[5], row[1])) {
        s.tp++;
      } else {
        s.fn++;
        System.out.println("MISS|" + row[1] + "|" + row[5]);
      }
      String mutated = mutate(row[5]);
      if (!mutated.equals(row[5]) && acceptedAs(mutated, row[1])) { // no digit: no mutation
        s.fp++;
      }
    }
    perScheme.forEach(
        (scheme, s) -> print("python-stdnum " + scheme + " + one-digit mutations", scheme, s));
    perScheme.forEach(
        (scheme, s) -> {
          assertThat(s.recall()).as(scheme + " recall").isGreaterThanOrEqualTo(0.9);
          assertThat(s.fp).as(scheme + " false accepts").isZero();
        });
  }

  /** True when the national-id recognizer accepts the whole value as this scheme. */
  private boolean acceptedAs(String value, String scheme) {
    for (Match m : scanner.scan(value, ColumnContext.of("national_id"))) {
      if (m.entity() == EntityType.NATIONAL_ID && m.detail().contains(scheme)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void classifiesFakeNameGeneratorColumnsByNameAndValues() throws Exception {
    Path file = SharedData.data("pii/presidio-research/FakeNameGenerator.com_3000.csv");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = parseCsvLine(lines.get(0).replace("\uFEFF", ""));
    Map<String, EntityType> expected = new LinkedHashMap<>();
    expected.put("GivenName", EntityType.PERSON_NAME);
    expected.put("Surname", EntityType.PERSON_NAME);
    expected.put("MothersMaiden", EntityType.PERSON_NAME);
    expected.put("StreetAddress", EntityType.STREET_ADDRESS);
    expected.put("City", EntityType.CITY);
    expected.put("ZipCode", EntityType.ZIP_CODE);
    expected.put("EmailAddress", EntityType.EMAIL_ADDRESS);
    expected.put("TelephoneNumber", EntityType.PHONE_NUMBER);
    expected.put("Birthday", EntityType.DATE_OF_BIRTH);
    expected.put("Age", EntityType.AGE);
    expected.put("CCNumber", EntityType.PAYMENT_CARD);
    expected.put("NationalID", EntityType.NATIONAL_ID);
    List<ColumnScan> scans = new ArrayList<>();
    for (String h : header) {
      scans.add(new ColumnScan(h));
    }
    ColumnContext[] contexts = new ColumnContext[header.length];
    for (int i = 0; i < header.length; i++) {
      contexts[i] = ColumnContext.of(header[i]);
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = parseCsvLine(line);
      for (int i = 0; i < header.length && i < cells.length; i++) {
        scans.get(i).add(cells[i], scanner, contexts[i]);
      }
    }
    Score s = new Score();
    List<String> misses = new ArrayList<>();
    for (ColumnScan scan : scans) {
      ColumnFinding f = scan.finding(0.1);
      EntityType want = expected.get(f.column());
      EntityType got = f.primary().map(e -> e.entity()).orElse(null);
      String line =
          String.format(
              Locale.ROOT,
              "%s: expected %s, found %s%s",
              f.column(),
              want,
              got,
              f.primary()
                  .map(e -> String.format(Locale.ROOT, " (%.0f%% of values)", 100 * e.ratio()))
                  .orElse(""));
      System.out.println("FNG|" + line);
      if (want != null && want == got) {
        s.tp++;
      } else if (want != null || got != null) {
        if (want != null) {
          s.fn++;
        }
        if (got != null) {
          s.fp++;
        }
        misses.add(line);
      }
    }
    print("FakeNameGenerator 30 columns (12 PII), column level", "all", s);
    misses.forEach(m -> System.out.println("FNG-MISS|" + m));
    assertThat(s.precision()).isGreaterThanOrEqualTo(0.9);
    assertThat(s.recall()).isGreaterThanOrEqualTo(0.75);
  }
}
