package io.strandsetl.compliance.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.RunAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What libphonenumber's {@code parse} followed by {@code isValidNumber} / {@code isPossibleNumber}
 * says of a digit string, decided without calling them: libphonenumber's own metadata (the same
 * patterns and lengths, per region) compiled once into deterministic automata, so that a number is
 * checked in one table walk of its ~10 digits (~0.1 µs) instead of ~8 µs of parsing and regular
 * expressions. The parse steps are reproduced only where they are simple: a leading {@code +} and a
 * country calling code, or a national number with the hinted region's national prefix stripped (no
 * transform rule). Anything else — an international dialling prefix written instead of {@code +}
 * (e.g. {@code 011}), a national number starting with the region's own calling code, a national
 * prefix with a transform rule, a calling code that starts with 0 or is unknown — is {@link
 * Kind#UNDECIDED}, and the caller asks libphonenumber. {@code PhoneValidityTest} compares both on
 * every example number of every region and on mutated and random digit strings.
 *
 * <p>Thread-safe: the automata of a calling code are built on first use (tens of milliseconds for
 * the largest, NANP's +1) and shared.
 */
final class PhoneValidity {

  /** The verdict. */
  enum Kind {
    VALID,
    POSSIBLE,
    NEITHER,
    UNDECIDED
  }

  /**
   * @param kind what libphonenumber would say
   * @param countryCode the calling code the number was read with (0 when undecided)
   */
  record Verdict(Kind kind, int countryCode) {}

  static final Verdict UNDECIDED = new Verdict(Kind.UNDECIDED, 0);

  // libphonenumber's bounds on a national significant number (PhoneNumberUtil, package-private).
  private static final int MIN_LENGTH_FOR_NSN = 2;
  private static final int MAX_LENGTH_FOR_NSN = 17;
  private static final int MAX_LENGTH_COUNTRY_CODE = 3;
  private static final String NON_GEO = "001";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final MetadataSource SOURCE =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
  private static final Map<Integer, CallingCode> CODES = new ConcurrentHashMap<>();
  private static final Map<String, Region> REGIONS = new ConcurrentHashMap<>();
  private static final Region NO_REGION =
      new Region(null, 0, "", null, null, null, null, null, null, null, null, null);

  private PhoneValidity() {}

  /**
   * libphonenumber's verdict on {@code digits} (ASCII digits only) written with a leading {@code +}
   * when {@code plus}, parsed with {@code regionHint} as the default region.
   */
  static Verdict of(String digits, boolean plus, String regionHint) {
    if (plus) {
      if (digits.length() <= MIN_LENGTH_FOR_NSN || digits.charAt(0) == '0') {
        return UNDECIDED; // libphonenumber retries such numbers as national ones
      }
      for (int i = 1; i <= MAX_LENGTH_COUNTRY_CODE && i <= digits.length(); i++) {
        CallingCode code = callingCode(Integer.parseInt(digits, 0, i, 10));
        if (code != null) {
          return decide(code, digits.substring(i), code.main());
        }
      }
      return UNDECIDED;
    }
    Region hint = region(regionHint);
    if (hint == null
        || hint.idd() == null
        || hint.idd().run(digits)) { // an IDD such as 011 or 00 starts the number
      return UNDECIDED;
    }
    CallingCode code = callingCode(hint.countryCode());
    if (code == null) {
      return UNDECIDED;
    }
    if (digits.startsWith(hint.codeString())) {
      // maybeExtractCountryCode: the region's own calling code is taken off when the number
      // becomes valid without it, or was too long with it ("1 212 555 0100" in the US).
      String potential = stripNationalPrefix(digits.substring(hint.codeString().length()), hint);
      if (potential == null) {
        return UNDECIDED;
      }
      if (!hint.general().run(digits) && hint.general().run(potential)
          || hint.testLength(digits.length()) == Length.TOO_LONG) {
        return decide(code, potential, code.main());
      }
    }
    return decide(code, digits, hint);
  }

  /**
   * {@code maybeStripNationalPrefixAndCarrierCode} without a transform rule: the number without the
   * national prefix, or as it was when stripping would make a viable number unviable; null when a
   * transform rule applies (undecided).
   */
  private static String stripNationalPrefix(String number, Region r) {
    if (number.isEmpty() || r.nationalPrefix() == null || !r.nationalPrefix().run(number)) {
      return number;
    }
    Matcher m = r.nationalPrefixPattern().matcher(number);
    if (!m.lookingAt()) {
      return number;
    }
    int groups = m.groupCount();
    if (r.transformRule() != null && m.group(groups) != null) {
      return null; // the prefix rewrites the number (e.g. Argentina's mobile 15)
    }
    String rest = number.substring(m.end());
    return r.general().run(number) && !r.general().run(rest) ? number : rest;
  }

  /** The rest of {@code parseHelper}, then {@code isValidNumber} and {@code isPossibleNumber}. */
  private static Verdict decide(CallingCode code, String national, Region parsedWith) {
    if (national.length() < MIN_LENGTH_FOR_NSN) {
      return new Verdict(Kind.NEITHER, code.code()); // parse fails: too short
    }
    String nsn = national;
    String potential = stripNationalPrefix(national, parsedWith);
    if (potential == null) {
      return UNDECIDED;
    }
    if (potential != national) {
      // The stripped number must still have a possible length, else the prefix is kept.
      Length length = parsedWith.testLength(potential.length());
      if (length != Length.TOO_SHORT
          && length != Length.IS_POSSIBLE_LOCAL_ONLY
          && length != Length.INVALID_LENGTH) {
        nsn = potential;
      }
    }
    if (nsn.length() < MIN_LENGTH_FOR_NSN || nsn.length() > MAX_LENGTH_FOR_NSN) {
      return new Verdict(Kind.NEITHER, code.code());
    }
    if (code.isValid(nsn)) {
      return new Verdict(Kind.VALID, code.code());
    }
    Length length = code.main().testLength(nsn.length());
    return new Verdict(
        length == Length.IS_POSSIBLE || length == Length.IS_POSSIBLE_LOCAL_ONLY
            ? Kind.POSSIBLE
            : Kind.NEITHER,
        code.code());
  }

  private static CallingCode callingCode(int code) {
    CallingCode known = CODES.get(code);
    if (known != null) {
      return known == CallingCode.NONE ? null : known;
    }
    CallingCode built = CODES.computeIfAbsent(code, PhoneValidity::build);
    return built == CallingCode.NONE ? null : built;
  }

  private static CallingCode build(int code) {
    List<String> regionCodes = UTIL.getRegionCodesForCountryCode(code);
    if (regionCodes.isEmpty()) {
      return CallingCode.NONE;
    }
    List<Region> regions = new ArrayList<>(regionCodes.size());
    for (String id : regionCodes) {
      Region r =
          NON_GEO.equals(id)
              ? Region.of(id, SOURCE.getMetadataForNonGeographicalRegion(code))
              : region(id);
      if (r == null) {
        return CallingCode.NONE;
      }
      regions.add(r);
    }
    String mainId = UTIL.getRegionCodeForCountryCode(code);
    Region main =
        NON_GEO.equals(mainId)
            ? regions.get(0)
            : regions.stream().filter(r -> mainId.equals(r.id())).findFirst().orElse(null);
    return main == null ? CallingCode.NONE : new CallingCode(code, List.copyOf(regions), main);
  }

  private static Region region(String id) {
    if (id == null) {
      return null;
    }
    Region r =
        REGIONS.computeIfAbsent(
            id,
            k -> {
              PhoneMetadata metadata =
                  UTIL.getSupportedRegions().contains(k) ? SOURCE.getMetadataForRegion(k) : null;
              return metadata == null ? NO_REGION : Region.of(k, metadata);
            });
    return r == NO_REGION ? null : r;
  }

  /**
   * One calling code and its regions in libphonenumber's order; {@code main} is the region whose
   * metadata parses and length-checks its numbers.
   */
  private record CallingCode(int code, List<Region> regions, Region main) {
    static final CallingCode NONE = new CallingCode(0, List.of(), null);

    /**
     * {@code isValidNumber}: the number's region is the only one, else the first whose leading
     * digits start the number or, for a region without leading digits, that validates it; then the
     * number must validate for that region.
     */
    boolean isValid(String nsn) {
      if (regions.size() == 1) {
        return regions.get(0).valid().run(nsn);
      }
      for (Region r : regions) {
        if (r.leadingDigits() != null) {
          if (r.leadingDigits().run(nsn)) {
            return r.valid().run(nsn);
          }
        } else if (r.valid().run(nsn)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * An automaton built on first use: a calling code shared by many regions (NANP's +1 has 25)
   * mostly needs one region's, and the largest take ~100 ms to build.
   */
  private static final class Lazy {
    private final java.util.function.Supplier<RunAutomaton> build;
    private volatile RunAutomaton automaton;

    Lazy(java.util.function.Supplier<RunAutomaton> build) {
      this.build = build;
    }

    boolean run(String s) {
      RunAutomaton a = automaton;
      if (a == null) {
        synchronized (this) {
          a = automaton;
          if (a == null) {
            automaton = a = build.get();
          }
        }
      }
      return a.run(s);
    }
  }

  /** libphonenumber's {@code ValidationResult} of a length check. */
  enum Length {
    IS_POSSIBLE,
    IS_POSSIBLE_LOCAL_ONLY,
    TOO_SHORT,
    TOO_LONG,
    INVALID_LENGTH
  }

  /**
   * A region's automata: {@code valid} accepts exactly the national significant numbers for which
   * {@code getNumberTypeHelper} is not UNKNOWN; {@code general} is the general description's
   * pattern alone; {@code leadingDigits}, {@code idd} and {@code nationalPrefix} accept any digit
   * string that starts with a match (Matcher.lookingAt), null when the metadata has none.
   */
  private record Region(
      String id,
      int countryCode,
      String codeString,
      Lazy valid,
      RunAutomaton general,
      RunAutomaton leadingDigits,
      PrefixAutomaton idd,
      PrefixAutomaton nationalPrefix,
      Pattern nationalPrefixPattern,
      String transformRule,
      int[] possibleLengths,
      int[] localOnlyLengths) {

    static Region of(String id, PhoneMetadata m) {
      PhoneNumberDesc general = m.getGeneralDesc();
      String prefix = m.getNationalPrefixForParsing();
      String transform = m.getNationalPrefixTransformRule();
      return new Region(
          id,
          m.getCountryCode(),
          Integer.toString(m.getCountryCode()),
          new Lazy(() -> validNumbers(m)),
          new RunAutomaton(pattern(general.getNationalNumberPattern())),
          m.hasLeadingDigits() ? new RunAutomaton(prefix(m.getLeadingDigits())) : null,
          PrefixAutomaton.of(m.getInternationalPrefix()),
          PrefixAutomaton.of(prefix),
          prefix == null || prefix.isEmpty() ? null : Pattern.compile(prefix),
          transform == null || transform.isEmpty() ? null : transform,
          general.getPossibleLengthList().stream().mapToInt(Integer::intValue).toArray(),
          general.getPossibleLengthLocalOnlyList().stream().mapToInt(Integer::intValue).toArray());
    }

    /** The numbers {@code getNumberTypeHelper} gives a type (the largest automaton: built late). */
    private static RunAutomaton validNumbers(PhoneMetadata m) {
      PhoneNumberDesc general = m.getGeneralDesc();
      Automaton types = Automaton.makeEmpty();
      for (PhoneNumberDesc d :
          List.of(
              m.getPremiumRate(),
              m.getTollFree(),
              m.getSharedCost(),
              m.getVoip(),
              m.getPersonalNumber(),
              m.getPager(),
              m.getUan(),
              m.getVoicemail(),
              m.getFixedLine())) {
        types = types.union(desc(d));
      }
      if (!m.getSameMobileAndFixedLinePattern()) {
        types = types.union(desc(m.getMobile()));
      }
      return new RunAutomaton(desc(general).intersection(types));
    }

    /** {@code testNumberLength} for the general description (type UNKNOWN). */
    Length testLength(int length) {
      if (possibleLengths.length == 0 || possibleLengths[0] == -1) {
        return Length.INVALID_LENGTH;
      }
      for (int l : localOnlyLengths) {
        if (l == length) {
          return Length.IS_POSSIBLE_LOCAL_ONLY;
        }
      }
      if (possibleLengths[0] == length) {
        return Length.IS_POSSIBLE;
      } else if (possibleLengths[0] > length) {
        return Length.TOO_SHORT;
      } else if (possibleLengths[possibleLengths.length - 1] < length) {
        return Length.TOO_LONG;
      }
      for (int l : possibleLengths) {
        if (l == length) {
          return Length.IS_POSSIBLE;
        }
      }
      return Length.INVALID_LENGTH;
    }
  }

  /** {@code isNumberMatchingDesc}: the lengths when listed, and the whole pattern. */
  private static Automaton desc(PhoneNumberDesc d) {
    String p = d.getNationalNumberPattern();
    if (p == null || p.isEmpty()) {
      return Automaton.makeEmpty();
    }
    Automaton a = pattern(p);
    if (d.getPossibleLengthCount() > 0) {
      Automaton lengths = Automaton.makeEmpty();
      for (int n : d.getPossibleLengthList()) {
        if (n > 0) {
          lengths = lengths.union(BasicAutomata.makeCharRange('0', '9').repeat(n, n));
        }
      }
      a = a.intersection(lengths);
    }
    return a;
  }

  /**
   * libphonenumber's patterns use {@code \d} and non-capturing groups only from Java's syntax; both
   * are rewritten into the automaton library's syntax, and any other construct it does not know
   * fails here, at build time (covered by the test over all regions).
   */
  static Automaton pattern(String javaRegex) {
    String r = javaRegex.replace("\\d", "[0-9]").replace("(?:", "(");
    // Without minimising each sub-expression: RunAutomaton determinises once at the end, and
    // minimising every alternative of NANP's 650-char fixed-line pattern took ~50 ms.
    return new RegExp(r, RegExp.NONE).toAutomaton(false);
  }

  /** Digit strings that start with a match of the pattern (Matcher.lookingAt). */
  private static Automaton prefix(String javaRegex) {
    return pattern(javaRegex).concatenate(BasicAutomata.makeCharRange('0', '9').repeat());
  }

  /**
   * Whether some prefix of a digit string matches a pattern. A pattern with an anchor or a
   * look-around (Norfolk Island's {@code ([0-258]\d{4})$}) has no automaton: it is said to match
   * every number, so that the caller's regular expression or libphonenumber decides.
   */
  private record PrefixAutomaton(RunAutomaton automaton) {
    static PrefixAutomaton of(String javaRegex) {
      if (javaRegex == null || javaRegex.isEmpty()) {
        return null;
      }
      boolean anchored =
          javaRegex.contains("$")
              || javaRegex.contains("^")
              || javaRegex.contains("(?=")
              || javaRegex.contains("(?!")
              || javaRegex.contains("\\b");
      return new PrefixAutomaton(anchored ? null : new RunAutomaton(prefix(javaRegex)));
    }

    boolean run(String digits) {
      return automaton == null || automaton.run(digits);
    }
  }
}
