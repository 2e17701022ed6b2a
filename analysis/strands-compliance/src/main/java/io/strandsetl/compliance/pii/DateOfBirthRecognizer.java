package io.strandsetl.compliance.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that may be a date of birth: ISO 2024-03-01, US 3/1/1985, European 1.3.1985 and 01-03-1985,
 * and written months (March 1, 1985; 1 March 1985), each a real calendar date with a year from 1900
 * to 2099. Any date has this shape, so the score alone is {@value #SCORE}, below the threshold:
 * only context (born, birth, DOB, a column named {@code birth_date}) makes it a date of birth.
 * Ambiguous day/month orders are accepted when either reading is a date.
 */
final class DateOfBirthRecognizer implements Recognizer {
  static final double SCORE = 0.2;
  private static final String MONTHS =
      "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d/.-])(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})|(\\d{1,2})([/.-])(\\d{1,2})\\5(\\d{4}))(?![\\d/-]|\\.\\d)");
  private static final Pattern WORDS =
      Pattern.compile(
          "(?i)(?<![A-Za-z])(?:("
              + MONTHS
              + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})|(\\d{1,2})(?:st|nd|rd|th)? (?:of )?("
              + MONTHS
              + ")\\.?,? (\\d{4}))(?![\\d])");
  private static final Map<String, Integer> MONTH_NUMBER =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  @Override
  public String name() {
    return "date-of-birth";
  }

  @Override
  public double bestWithoutContext() {
    return SCORE;
  }

  @Override
  public EntityType entity() {
    return EntityType.DATE_OF_BIRTH;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("born", "birth", "dob", "birthday", "birthdate", "bday", "nacimiento", "geboren");
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    Matcher m = NUMERIC.matcher(text);
    while (m.find()) {
      boolean ok =
          m.group(1) != null
              ? date(m.group(1), m.group(2), m.group(3))
              : date(m.group(7), m.group(4), m.group(6))
                  || date(m.group(7), m.group(6), m.group(4));
      if (ok) {
        out.add(new Match(entity(), name(), m.start(), m.end(), SCORE, "calendar date"));
      }
    }
    if (text.length() >= 8) {
      Matcher w = WORDS.matcher(text);
      while (w.find()) {
        String month = (w.group(1) != null ? w.group(1) : w.group(5)).substring(0, 3);
        String day = w.group(1) != null ? w.group(2) : w.group(4);
        String year = w.group(1) != null ? w.group(3) : w.group(6);
        Integer mm = MONTH_NUMBER.get(month.toLowerCase(Locale.ROOT));
        if (mm != null && date(year, mm.toString(), day)) {
          out.add(new Match(entity(), name(), w.start(), w.end(), SCORE, "calendar date"));
        }
      }
    }
    return out;
  }

  private static boolean date(String year, String month, String day) {
    int y = Integer.parseInt(year);
    if (y < 1900 || y > 2099) {
      return false;
    }
    try {
      LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
