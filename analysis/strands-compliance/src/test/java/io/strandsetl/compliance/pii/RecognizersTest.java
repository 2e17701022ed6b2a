package io.strandsetl.compliance.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each recognizer's rules on hand-made values (positive and the negative its rule excludes). */
class RecognizersTest {
  private final PiiScanner scanner = PiiScanner.defaults();

  private List<EntityType> entities(String text) {
    return scanner.scan(text).stream().map(Match::entity).toList();
  }

  private List<EntityType> entities(String text, String column) {
    return scanner.scan(text, ColumnContext.of(column)).stream().map(Match::entity).toList();
  }

  @Test
  void rejectsSsnsInRangesTheSsaNeverIssues() {
    assertThat(entities("SSN 536-22-8745")).containsExactly(EntityType.US_SSN);
    for (String bad :
        List.of(
            "000-12-3456",
            "666-12-3456",
            "912-12-3456",
            "123-00-4567",
            "123-45-0000",
            "078-05-1120")) {
      assertThat(entities("SSN " + bad)).as(bad).doesNotContain(EntityType.US_SSN);
    }
  }

  @Test
  void needsContextForNineBareDigitsAsAnSsn() {
    assertThat(entities("order 536228745 shipped")).doesNotContain(EntityType.US_SSN);
    assertThat(entities("my ssn is 536228745")).containsExactly(EntityType.US_SSN);
    assertThat(entities("536228745", "ssn")).containsExactly(EntityType.US_SSN);
  }

  @Test
  void acceptsCardsWithLuhnAndAKnownSchemeOnly() {
    assertThat(entities("paid with 4111 1111 1111 1111 today"))
        .containsExactly(EntityType.PAYMENT_CARD);
    assertThat(entities("paid with 4111 1111 1111 1112 today"))
        .doesNotContain(EntityType.PAYMENT_CARD);
    assertThat(PaymentCardRecognizer.scheme("378282246310005")).isEqualTo("amex");
    assertThat(PaymentCardRecognizer.scheme("5105105105105100")).isEqualTo("mastercard");
    assertThat(PaymentCardRecognizer.scheme("9105105105105100")).isNull();
    // A number glued to letters is a code, not a card.
    assertThat(entities("licence U4111111111111111")).doesNotContain(EntityType.PAYMENT_CARD);
  }

  @Test
  void checksIbanLengthAndMod97InPrintAndElectronicForm() {
    assertThat(entities("pay to GB82 WEST 1234 5698 7654 32 please"))
        .containsExactly(EntityType.IBAN);
    assertThat(entities("pay to GB82WEST12345698765432")).containsExactly(EntityType.IBAN);
    assertThat(entities("pay to GB82 WEST 1234 5698 7654 33 please"))
        .doesNotContain(EntityType.IBAN);
    assertThat(IbanRecognizer.isValid("de89 3704 0044 0532 0130 00")).isTrue();
    assertThat(IbanRecognizer.isValid("DE89 3704 0044 0532 0130 0")).isFalse();
  }

  @Test
  void findsIpv4AndIpv6ButNotTimesOrOutOfRangeOctets() {
    assertThat(entities("from 192.168.10.4 at noon")).containsExactly(EntityType.IP_ADDRESS);
    assertThat(entities("from 2001:db8::8a2e:370:7334 at noon"))
        .containsExactly(EntityType.IP_ADDRESS);
    assertThat(entities("from ::ffff:192.0.2.128")).containsExactly(EntityType.IP_ADDRESS);
    assertThat(entities("at 12:30:45 sharp")).isEmpty();
    assertThat(entities("v 300.1.2.3")).doesNotContain(EntityType.IP_ADDRESS);
  }

  @Test
  void findsEmailAndPhoneWithRegionHintsAndInternationalPrefix() {
    assertThat(entities("write to ana.lima+news@mail.example.co.uk"))
        .containsExactly(EntityType.EMAIL_ADDRESS);
    assertThat(entities("not an address: ana@localhost")).isEmpty();
    assertThat(entities("call (415) 555-2671")).containsExactly(EntityType.PHONE_NUMBER);
    assertThat(entities("call +81 3-1234-5678")).containsExactly(EntityType.PHONE_NUMBER);
    assertThat(entities("on 2021-03-04 12:30")).doesNotContain(EntityType.PHONE_NUMBER);
  }

  @Test
  void treatsADateAsABirthDateOnlyWithContext() {
    assertThat(entities("shipped on 1985-03-12")).isEmpty();
    assertThat(entities("she was born on March 12, 1985"))
        .containsExactly(EntityType.DATE_OF_BIRTH);
    assertThat(entities("1985-03-12", "birth_date")).containsExactly(EntityType.DATE_OF_BIRTH);
    assertThat(entities("1985-02-30", "birth_date")).isEmpty();
  }

  @Test
  void validatesNationalIdChecksums() {
    assertThat(NationalIdScheme.spanishDni("12345678Z")).isTrue();
    assertThat(NationalIdScheme.spanishDni("12345678A")).isFalse();
    assertThat(NationalIdScheme.spanishDni("X1234567L")).isTrue();
    assertThat(NationalIdScheme.dutchBsn("111222333")).isTrue();
    assertThat(NationalIdScheme.dutchBsn("111222334")).isFalse();
    assertThat(NationalIdScheme.cpf("529.982.247-25")).isTrue();
    assertThat(NationalIdScheme.cpf("529.982.247-26")).isFalse();
    assertThat(NationalIdScheme.cpf("111.111.111-11")).isFalse();
    assertThat(Checksums.verhoeff("2363")).isTrue(); // Verhoeff's own example: 236 + check 3
    assertThat(Checksums.verhoeff("2364")).isFalse();
    assertThat(NationalIdScheme.nino("AB123456C")).isTrue();
    assertThat(NationalIdScheme.nino("GB123456C")).isFalse();
    assertThat(NationalIdScheme.codiceFiscale("RSSMRA85T10A562S")).isTrue();
    assertThat(NationalIdScheme.codiceFiscale("RSSMRA85T10A562T")).isFalse();
  }

  @Test
  void usesTheColumnNameHeadWordForNamesAndPlaces() {
    assertThat(entities("Ana Lima", "customer_name")).containsExactly(EntityType.PERSON_NAME);
    assertThat(entities("Ana Lima", "product")).isEmpty();
    assertThat(entities("Czech", "NameSet")).isEmpty(); // head word "set": not a name
    assertThat(entities("Garden Hose", "product_name")).isEmpty(); // a product, not a person
    assertThat(entities("Ana Lima", "manager_name")).containsExactly(EntityType.PERSON_NAME);
    assertThat(entities("Ana", "name")).containsExactly(EntityType.PERSON_NAME);
    assertThat(entities("1659 Hoog St", "StreetAddress"))
        .containsExactly(EntityType.STREET_ADDRESS);
    assertThat(entities("94107", "zip_code")).containsExactly(EntityType.ZIP_CODE);
    assertThat(entities("94107", "quantity")).isEmpty();
    assertThat(ColumnContext.of("CCNumber").words()).containsExactly("cc", "number");
    assertThat(ColumnContext.of("address_line2").head()).isEqualTo("address");
  }

  @Test
  void prefersTheEntityTheColumnNameSupports() {
    // 13 digits that pass Luhn: a Maestro card by prefix, a South African ID by date + Luhn.
    assertThat(entities("6107165087088", "national_id")).containsExactly(EntityType.NATIONAL_ID);
    assertThat(entities("6107165087088", "card_number")).containsExactly(EntityType.PAYMENT_CARD);
  }

  @Test
  void masksSamplesWithoutKeepingTheValue() {
    assertThat(MaskedSample.of("ana.lima@example.com", EntityType.EMAIL_ADDRESS))
        .isEqualTo("a***@***.com");
    assertThat(MaskedSample.of("536-22-8745", EntityType.US_SSN)).isEqualTo("***-**-**45");
    assertThat(MaskedSample.of("Ana Lima", EntityType.PERSON_NAME)).isEqualTo("A** L***");
  }

  @Test
  void mergesPartialColumnScansIntoOneFinding() {
    PiiScanner s = PiiScanner.defaults();
    ColumnContext email = ColumnContext.of("email");
    ColumnScan a = new ColumnScan("email");
    ColumnScan b = new ColumnScan("email");
    a.add("ana@example.com", s, email);
    a.add(null, s, email);
    b.add("bo@example.org", s, email);
    b.add("n/a", s, email);
    ColumnFinding f = a.merge(b).finding(0.5);
    assertThat(f.valuesScanned()).isEqualTo(3);
    assertThat(f.primary())
        .hasValueSatisfying(
            e -> {
              assertThat(e.entity()).isEqualTo(EntityType.EMAIL_ADDRESS);
              assertThat(e.matchedValues()).isEqualTo(2);
              assertThat(e.maskedSamples()).containsExactly("a***@***.com", "b***@***.org");
            });
    assertThat(new ColumnScan("email").merge(b).finding(0.9).holdsPii()).isFalse();
  }
}
