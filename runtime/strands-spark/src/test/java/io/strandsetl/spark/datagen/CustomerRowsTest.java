package io.strandsetl.spark.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CustomerRowsTest {

  /** Independent Luhn check (sum of all digits, doubling every second from the right). */
  private static boolean luhnValid(String number) {
    int sum = 0;
    for (int i = 0; i < number.length(); i++) {
      int d = number.charAt(number.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  @Test
  void cardNumbersPassLuhnAndMatchTheirBrandPrefixAndLength() {
    Set<String> brands = new HashSet<>();
    for (long id = 0; id < 5000; id++) {
      String[] card = CustomerRows.card(new SplitMix(7, id, 1));
      String n = card[0];
      brands.add(card[1]);
      assertThat(luhnValid(n)).as(n).isTrue();
      switch (card[1]) {
        case "visa" -> assertThat(n).startsWith("4").hasSize(16);
        case "amex" -> assertThat(n).matches("3[47]\\d{13}");
        case "discover" -> assertThat(n).startsWith("6011").hasSize(16);
        case "mastercard" ->
            assertThat(n)
                .matches("(5[1-5]\\d{14}|2(22[1-9]|2[3-9]\\d|[3-6]\\d\\d|7[01]\\d|720)\\d{12})");
        default -> throw new AssertionError("unexpected brand " + card[1]);
      }
    }
    assertThat(brands).containsExactlyInAnyOrder("visa", "mastercard", "amex", "discover");
  }

  @Test
  void ssnsStayInTheIssuedRanges() {
    for (long id = 0; id < 5000; id++) {
      String ssn = CustomerRows.ssn(new SplitMix(7, id, 2));
      assertThat(ssn).matches("\\d{3}-\\d{2}-\\d{4}");
      int area = Integer.parseInt(ssn.substring(0, 3));
      assertThat(area).isBetween(1, 899).isNotEqualTo(666);
      assertThat(ssn.substring(4, 6)).isNotEqualTo("00");
      assertThat(ssn.substring(7)).isNotEqualTo("0000");
    }
  }

  @Test
  void phonesAreMostlyUsWithSomeInternational() {
    int international = 0;
    for (long id = 0; id < 2000; id++) {
      String phone = CustomerRows.phone(new SplitMix(7, id, 3), "212");
      if (phone.startsWith("+") && !phone.startsWith("+1 ")) {
        international++;
      } else {
        assertThat(phone).matches("(\\(212\\) |212-|\\+1 212 )[2-9]\\d\\d[- ]\\d{4}");
      }
    }
    assertThat(international).isBetween(60, 240);
  }

  @Test
  void sameSeedAndIdGiveTheSameRowAndAnotherSeedDoesNot() {
    Row a = new CustomerRows(42).call(1234L);
    Row b = new CustomerRows(42).call(1234L);
    Row c = new CustomerRows(43).call(1234L);
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
    assertThat(a.getString(CustomerRows.RAW_SCHEMA.fieldIndex("country"))).isEqualTo("US");
  }
}
