package io.strandsetl.compliance.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.compliance.classify.Classification;
import io.strandsetl.compliance.classify.PhiIdentifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The recognizers for the remaining HIPAA Safe Harbor identifiers, each with positives and
 * negatives (mutated check digits, look-alikes without context).
 */
class SafeHarborRecognizersTest {

  private static List<String> spans(Recognizer r, String text) {
    return r.find(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
  }

  private static double score(Recognizer r, String text) {
    List<Match> found = r.find(text);
    assertThat(found).as(text).hasSize(1);
    return found.get(0).score();
  }

  /** What the scanner does with column context: the score with context (see {@link Confidence}). */
  private static Optional<Double> inColumn(Recognizer r, String column, String value) {
    List<Match> found = r.find(value);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    double s = found.get(0).score();
    double scored = ColumnContext.of(column).supports(r) ? Confidence.withContext(s) : s;
    return Optional.of(Math.round(scored * 1000) / 1000.0); // 0.3 + 0.35 is 0.6499999…
  }

  @Test
  void urlsWithSchemeOrWwwButNotIpHostsOrEmails() {
    UrlRecognizer url = new UrlRecognizer();
    assertThat(spans(url, "See https://clinic.example.org/patients/42?tab=1. Thanks"))
        .containsExactly("https://clinic.example.org/patients/42?tab=1");
    assertThat(score(url, "my page: http://ana-lima.example.com")).isEqualTo(0.6);
    assertThat(spans(url, "visit www.example.co.uk today")).containsExactly("www.example.co.uk");
    assertThat(score(url, "visit www.example.co.uk today")).isEqualTo(0.5);
    assertThat(spans(url, "(ftp://files.example.net/x)"))
        .containsExactly("ftp://files.example.net/x");

    assertThat(url.find("write to ana@example.com")).isEmpty();
    assertThat(url.find("http://192.168.0.1/admin")).isEmpty(); // the IP recognizer's
    assertThat(url.find("example.com and report.pdf")).isEmpty(); // no scheme, no www
    assertThat(url.find("https://")).isEmpty();
  }

  @Test
  void vinsByTheIso3779CheckDigitAndOnlyWithContextWithout() {
    VinRecognizer vin = new VinRecognizer();
    assertThat(score(vin, "VIN 1M8GDM9AXKP042788 registered")).isEqualTo(VinRecognizer.CHECKED);
    assertThat(score(vin, "1HGCM82633A004352")).isEqualTo(VinRecognizer.CHECKED);
    // One character changed: the check digit fails; a European VIN without one looks the same.
    assertThat(score(vin, "1M8GDM9AXKP042789")).isEqualTo(VinRecognizer.SHAPE_ONLY);
    assertThat(score(vin, "WVWZZZ1JZXW000001")).isEqualTo(VinRecognizer.SHAPE_ONLY);
    assertThat(inColumn(vin, "vehicle_vin", "WVWZZZ1JZXW000001")).contains(0.55);
    assertThat(inColumn(vin, "sku", "WVWZZZ1JZXW000001")).contains(0.2);

    assertThat(vin.find("12345678901234567")).isEmpty(); // digits only
    assertThat(vin.find("ABCDEFGHJKLMNPRST")).isEmpty(); // letters only
    assertThat(vin.find("1M8GDM9AIKP042788")).isEmpty(); // I is never used
    assertThat(vin.find("1M8GDM9AXKP0427881")).isEmpty(); // 18 characters
  }

  @Test
  void faxNumbersArePhoneNumbersWithAFaxWordBeforeThem() {
    PhoneRecognizer phone = new PhoneRecognizer(List.of());
    FaxRecognizer fax = new FaxRecognizer(phone);
    String faxed = "Fax: +1 415-555-2671";
    double phoneScore = score(phone, faxed);
    assertThat(score(fax, faxed))
        .isEqualTo(Math.min(1.0, phoneScore + 0.05))
        .isGreaterThan(phoneScore);
    assertThat(spans(fax, faxed)).isEqualTo(spans(phone, faxed));

    String called = "Call +1 415-555-2671 after six";
    assertThat(score(fax, called)).isLessThan(score(phone, called));
    assertThat(fax.find("no number here")).isEmpty();
    assertThat(ColumnContext.of("fax_number").supports(fax)).isTrue();
    assertThat(ColumnContext.of("mobile_phone").supports(fax)).isFalse();
  }

  @Test
  void identifierNumbersCountOnlyWithContextAndChecksWinOverShapes() {
    ContextIdRecognizer mrn = ContextIdRecognizer.medicalRecord();
    assertThat(spans(mrn, "MRN-00123456 admitted")).containsExactly("MRN-00123456");
    assertThat(inColumn(mrn, "mrn", "00123456")).contains(0.5);
    assertThat(inColumn(mrn, "quantity", "00123456")).contains(0.15);
    assertThat(mrn.find("1234")).isEmpty(); // too short
    assertThat(mrn.find("ORD-12A-99")).isEmpty();

    ContextIdRecognizer plan = ContextIdRecognizer.healthPlan();
    assertThat(score(plan, "1EG4-TE5-MK73"))
        .isEqualTo(ContextIdRecognizer.VALIDATED); // CMS example
    assertThat(score(plan, "1EG4-TS5-MK73"))
        .isEqualTo(ContextIdRecognizer.SHAPE_ONLY); // S excluded
    assertThat(inColumn(plan, "medicare_beneficiary_id", "1EG4-TE5-MK73")).contains(0.65);
    assertThat(plan.find("ABCDEF")).isEmpty(); // no digits

    ContextIdRecognizer account = ContextIdRecognizer.account();
    assertThat(spans(account, "acct 0012-3456-789")).containsExactly("0012-3456-789");
    assertThat(inColumn(account, "account_number", "12345678")).contains(0.5);
    assertThat(account.find("12345")).isEmpty();

    ContextIdRecognizer license = ContextIdRecognizer.license();
    assertThat(score(license, "DEA AB1234563")).isEqualTo(ContextIdRecognizer.VALIDATED);
    assertThat(score(license, "DEA AB1234564")).isEqualTo(ContextIdRecognizer.SHAPE_ONLY);
    assertThat(score(license, "NPI 1234567893")).isEqualTo(ContextIdRecognizer.VALIDATED);
    assertThat(score(license, "NPI 1234567894")).isEqualTo(ContextIdRecognizer.SHAPE_ONLY);
    assertThat(inColumn(license, "drivers_license", "D1234567")).contains(0.5);
    assertThat(license.find("ABC")).isEmpty();

    ContextIdRecognizer device = ContextIdRecognizer.deviceSerial();
    assertThat(score(device, "IMEI 490154203237518")).isEqualTo(ContextIdRecognizer.VALIDATED);
    assertThat(score(device, "IMEI 490154203237519")).isEqualTo(ContextIdRecognizer.SHAPE_ONLY);
    assertThat(inColumn(device, "device_serial", "SN-88A7-2201")).contains(0.5);
    assertThat(inColumn(device, "comment", "SN-88A7-2201")).contains(0.15);
    assertThat(device.find("AB-C")).isEmpty();
  }

  @Test
  void biometricTemplatesAndPhotosNeedAColumnOrWordThatSaysSo() {
    BiometricRecognizer bio = new BiometricRecognizer();
    String template = "Rk1SACAyMAAAAAEkAAABQAHgAMUAxQEAAAAoJ4BVAFc=";
    assertThat(inColumn(bio, "fingerprint_template", template)).contains(0.5);
    assertThat(inColumn(bio, "payload", template)).contains(0.15);
    assertThat(spans(bio, "voiceprint [0.12, -0.5, 0.33, 1.0, 0.0, 0.7, -0.2, 0.9, 0.4]"))
        .hasSize(1);
    assertThat(bio.find("a short note about irises")).isEmpty();
    assertThat(bio.find("[1, 2, 3]")).isEmpty(); // too few numbers for a template

    PhotoRecognizer photo = new PhotoRecognizer();
    assertThat(spans(photo, "s3://bucket/patients/42/face.JPG"))
        .containsExactly("s3://bucket/patients/42/face.JPG");
    assertThat(inColumn(photo, "patient_photo", "img/0042.png")).contains(0.5);
    assertThat(inColumn(photo, "product_sku", "img/0042.png")).contains(0.15);
    assertThat(spans(photo, "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==")).hasSize(1);
    assertThat(spans(photo, "/9j/4AAQSkZJRgABAQEASABIAAD")).hasSize(1);
    assertThat(photo.find("report.pdf and notes.txt")).isEmpty();
    assertThat(photo.find("photography class at 5")).isEmpty();
  }

  @Test
  void everySafeHarborIdentifierNowHasAnEntity() {
    EnumSet<PhiIdentifier> covered = EnumSet.noneOf(PhiIdentifier.class);
    Arrays.stream(EntityType.values()).forEach(e -> Classification.phi(e).ifPresent(covered::add));
    assertThat(covered).containsExactlyInAnyOrder(PhiIdentifier.values());
    assertThat(Classification.phi(EntityType.FAX_NUMBER)).contains(PhiIdentifier.FAX_NUMBERS);
    assertThat(Classification.phi(EntityType.VEHICLE_ID))
        .contains(PhiIdentifier.VEHICLE_IDENTIFIERS);
    assertThat(Classification.phi(EntityType.PHOTO)).contains(PhiIdentifier.FULL_FACE_PHOTOGRAPHS);
  }

  @Test
  void maskedSamplesOfTheNewEntitiesHideTheirContent() {
    assertThat(MaskedSample.of("1M8GDM9AXKP042788", EntityType.VEHICLE_ID))
        .doesNotContain("GDM9AXKP0427")
        .endsWith("88");
    assertThat(MaskedSample.of("https://ana.example.org/p", EntityType.URL))
        .doesNotContain("ana")
        .doesNotContain("example");
  }
}
