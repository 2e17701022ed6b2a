package io.strandsetl.compliance.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.strandsetl.compliance.pii.PhoneValidity.Kind;
import io.strandsetl.compliance.pii.PhoneValidity.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The automata must say what libphonenumber says, on every number they decide: every example number
 * of every region and type (international and national form), copies with one digit changed,
 * dropped or added, and random digit strings, each parsed with every default region hint and with
 * its own region.
 */
class PhoneValidityTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private record Case(String digits, boolean plus, String hint) {}

  @Test
  void agreesWithLibphonenumberOnEveryDecidedNumber() {
    List<Case> cases = new ArrayList<>();
    List<String> hints = PhoneRecognizer.DEFAULT_REGIONS;
    SplittableRandom random = new SplittableRandom(7);
    for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        PhoneNumber example = UTIL.getExampleNumberForType(region, type);
        if (example == null) {
          continue;
        }
        String e164 = UTIL.format(example, PhoneNumberFormat.E164).substring(1);
        String national = digits(UTIL.format(example, PhoneNumberFormat.NATIONAL));
        for (String number : variants(e164, random)) {
          cases.add(new Case(number, true, "US"));
        }
        for (String number : variants(national, random)) {
          cases.add(new Case(number, false, region));
          for (String hint : hints) {
            cases.add(new Case(number, false, hint));
          }
        }
      }
    }
    for (int code : new TreeSet<>(UTIL.getSupportedGlobalNetworkCallingCodes())) {
      PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
      if (example != null) {
        for (String number :
            variants(UTIL.format(example, PhoneNumberFormat.E164).substring(1), random)) {
          cases.add(new Case(number, true, "GB"));
        }
      }
    }
    for (int i = 0; i < 20_000; i++) {
      int length = 7 + random.nextInt(9);
      StringBuilder b = new StringBuilder();
      for (int d = 0; d < length; d++) {
        b.append((char) ('0' + random.nextInt(10)));
      }
      cases.add(
          new Case(b.toString(), random.nextBoolean(), hints.get(random.nextInt(hints.size()))));
    }

    int decided = 0;
    int valid = 0;
    List<String> disagreements = new ArrayList<>();
    for (Case c : cases) {
      Verdict fast = PhoneValidity.of(c.digits(), c.plus(), c.hint());
      if (fast.kind() == Kind.UNDECIDED) {
        continue;
      }
      decided++;
      Verdict expected = libphonenumber(c);
      if (expected.kind() == Kind.VALID) {
        valid++;
      }
      boolean same =
          fast.kind() == expected.kind()
              && (fast.kind() == Kind.NEITHER || fast.countryCode() == expected.countryCode());
      if (!same && disagreements.size() < 20) {
        disagreements.add(c + ": automata " + fast + ", libphonenumber " + expected);
      }
    }
    System.out.printf(
        "PhoneValidity: %d cases, %d decided by the automata (%d valid), %d disagreements%n",
        cases.size(), decided, valid, disagreements.size());
    assertThat(disagreements).isEmpty();
    // The automata must do the work, not hand everything back to libphonenumber.
    assertThat(decided).isGreaterThan(cases.size() * 8 / 10);
    assertThat(valid).isGreaterThan(1000);
  }

  private static List<String> variants(String digits, SplittableRandom random) {
    List<String> out = new ArrayList<>();
    out.add(digits);
    int i = random.nextInt(digits.length());
    char changed = (char) ('0' + (digits.charAt(i) - '0' + 1 + random.nextInt(9)) % 10);
    out.add(digits.substring(0, i) + changed + digits.substring(i + 1));
    out.add(digits.substring(0, digits.length() - 1));
    out.add(digits + random.nextInt(10));
    return out;
  }

  private static String digits(String formatted) {
    StringBuilder b = new StringBuilder();
    for (char c : formatted.toCharArray()) {
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Verdict libphonenumber(Case c) {
    PhoneNumber number;
    try {
      number = UTIL.parse((c.plus() ? "+" : "") + c.digits(), c.hint());
    } catch (NumberParseException e) {
      return new Verdict(Kind.NEITHER, 0);
    }
    if (UTIL.isValidNumber(number)) {
      return new Verdict(Kind.VALID, number.getCountryCode());
    }
    return new Verdict(
        UTIL.isPossibleNumber(number) ? Kind.POSSIBLE : Kind.NEITHER, number.getCountryCode());
  }
}
