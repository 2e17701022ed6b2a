package io.strandsetl.compliance.pii;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entities that no pattern tells apart from ordinary text on its own (a person's name, a city, a
 * ZIP code, an age), recognised when a whole value has the entity's shape: the score {@value
 * #SHAPE_ONLY} stays below the threshold unless the column name (or a word right before the value)
 * gives the context, as Amazon Macie uses column names. "Ana Lima" in a column {@code first_name}
 * is a name; in a column {@code product} it is not.
 *
 * @param name recognizer name
 * @param entity what it finds
 * @param contextWords column-name words that lift the score
 * @param shape the form of a whole value
 * @param modifiers when not empty, the words before the head word must include one of them ({@code
 *     customer_name} and {@code manager_name} name people, {@code product_name} and {@code
 *     month_name} do not); a bare head word ({@code name}) needs none
 */
record ColumnContextRecognizer(
    String name, EntityType entity, Set<String> contextWords, Pattern shape, Set<String> modifiers)
    implements Recognizer {
  static final double SHAPE_ONLY = 0.15;

  static List<Recognizer> all() {
    return List.of(
        new ColumnContextRecognizer(
            "person-name",
            EntityType.PERSON_NAME,
            Set.of(
                "name",
                "firstname",
                "lastname",
                "surname",
                "forename",
                "given",
                "first",
                "last",
                "middle",
                "maiden",
                "fullname",
                "patient",
                "customer",
                "person",
                "contact"),
            Pattern.compile("\\p{Lu}[\\p{L}'’.-]*(?:[ -]\\p{L}[\\p{L}'’.-]*){0,3}"),
            Set.of(
                "first",
                "last",
                "given",
                "middle",
                "full",
                "family",
                "maiden",
                "mother",
                "mothers",
                "father",
                "fathers",
                "customer",
                "patient",
                "person",
                "contact",
                "user",
                "employee",
                "manager",
                "owner",
                "nick",
                "legal",
                "display",
                "holder",
                "cardholder",
                "guardian",
                "emergency",
                "member",
                "client",
                "buyer",
                "seller",
                "recipient",
                "sender",
                "shipping",
                "billing",
                "beneficiary",
                "spouse",
                "parent",
                "doctor",
                "physician",
                "nurse",
                "student",
                "author",
                "driver",
                "passenger",
                "guest",
                "applicant")),
        new ColumnContextRecognizer(
            "street-address",
            EntityType.STREET_ADDRESS,
            Set.of("street", "address", "addr", "line1", "line2", "residence", "home", "mailing"),
            Pattern.compile(
                "(?:\\d+[A-Za-z]? [\\p{L}0-9 .'’-]{2,60}|[\\p{L} .'’-]{2,60} \\d+[A-Za-z]?(?:[ ,/][\\p{L}0-9 .-]{0,20})?|(?i:p\\.?o\\.? box|apt|suite|unit|flat) ?\\S{1,8}.*)"),
            Set.of()),
        new ColumnContextRecognizer(
            "city",
            EntityType.CITY,
            Set.of("city", "town", "municipality", "locality", "village", "county"),
            Pattern.compile("\\p{L}[\\p{L} .'’-]{1,40}"),
            Set.of()),
        new ColumnContextRecognizer(
            "zip-code",
            EntityType.ZIP_CODE,
            Set.of("zip", "zipcode", "postal", "postcode", "plz", "cep"),
            Pattern.compile(
                "\\d{5}(?:-\\d{4})?|\\d{3,4}(?:-\\d{3})?|[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}|[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d"),
            Set.of()),
        new ColumnContextRecognizer(
            "age",
            EntityType.AGE,
            Set.of("age", "ages", "aged"),
            Pattern.compile("1[0-1]\\d|120|\\d{1,2}"),
            Set.of()));
  }

  /**
   * The street shape's first form, {@code \d+[A-Za-z]? [\p{L}0-9 .'’-]{2,60}} ("12 Main St"),
   * tested by hand (the regular expression was a quarter of an address column's scan); false sends
   * the value to the whole pattern.
   */
  static boolean numberedStreet(String v) {
    int i = 0;
    int n = v.length();
    while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
      i++;
    }
    if (i == 0) {
      return false;
    }
    if (i < n
        && (v.charAt(i) >= 'a' && v.charAt(i) <= 'z' || v.charAt(i) >= 'A' && v.charAt(i) <= 'Z')) {
      i++;
    }
    if (i >= n || v.charAt(i) != ' ') {
      return false;
    }
    int rest = n - i - 1;
    if (rest < 2 || rest > 60) {
      return false;
    }
    for (int j = i + 1; j < n; j++) {
      char c = v.charAt(j);
      if (!(c >= '0' && c <= '9'
          || c == ' '
          || c == '.'
          || c == '\''
          || c == '\u2019'
          || c == '-'
          || Character.isLetter(c))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<Match> find(String text) {
    String value = text.strip();
    if (value.isEmpty()
        || !(entity == EntityType.STREET_ADDRESS && numberedStreet(value)
            || shape.matcher(value).matches())) {
      return List.of();
    }
    int start = text.indexOf(value.charAt(0));
    return List.of(
        new Match(entity, name, start, start + value.length(), SHAPE_ONLY, "value shape"));
  }
}
