package io.strandsetl.spark.datagen;

import static io.strandsetl.spark.datagen.RetailVocabulary.*;

import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One customer row from its id, with realistic-looking PII. Runs inside Spark tasks (a map over
 * {@code spark.range}), so it scales out; every value derives from (seed, id) only, so a row is the
 * same whatever the partitioning. Dates leave here as epoch days and become DATE in SQL, which
 * keeps them independent of the JVM time zone.
 */
final class CustomerRows implements MapFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  /**
   * Birth dates and sign-ups are relative to this fixed day, not the clock, so output is
   * repeatable.
   */
  static final long REFERENCE_EPOCH_DAY = LocalDate.of(2024, 12, 31).toEpochDay();

  static final StructType RAW_SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.LongType, false)
          .add("first_name", DataTypes.StringType, false)
          .add("last_name", DataTypes.StringType, false)
          .add("email", DataTypes.StringType, true)
          .add("phone", DataTypes.StringType, true)
          .add("ssn", DataTypes.StringType, true)
          .add("card_number", DataTypes.StringType, true)
          .add("card_brand", DataTypes.StringType, true)
          .add("street_address", DataTypes.StringType, false)
          .add("address_line2", DataTypes.StringType, true)
          .add("city", DataTypes.StringType, false)
          .add("state", DataTypes.StringType, false)
          .add("zip_code", DataTypes.StringType, false)
          .add("country", DataTypes.StringType, false)
          .add("birth_epoch_day", DataTypes.IntegerType, true)
          .add("gender", DataTypes.StringType, true)
          .add("loyalty_tier", DataTypes.StringType, false)
          .add("signup_epoch_day", DataTypes.IntegerType, false)
          .add("marketing_opt_in", DataTypes.BooleanType, false)
          .add("preferred_channel", DataTypes.StringType, false);

  private static final long SALT = 0xC057_0E12L;
  private final long seed;

  CustomerRows(long seed) {
    this.seed = seed;
  }

  @Override
  public Row call(Long id) {
    SplitMix r = new SplitMix(seed, id, SALT);
    String first = r.pick(FIRST_NAMES);
    String last = r.pick(LAST_NAMES);
    String[] city = CITIES[weightedCity(r)];
    String email = r.chance(0.04) ? null : email(r, first, last, id);
    String phone = r.chance(0.07) ? null : phone(r, city[3]);
    String ssn = r.chance(0.35) ? null : ssn(r);
    String[] card = r.chance(0.15) ? null : card(r);
    String street =
        (1 + r.nextInt(9899)) + " " + r.pick(STREET_NAMES) + " " + r.pick(STREET_SUFFIXES);
    String line2 =
        r.chance(0.15)
            ? (r.chance(0.7) ? "Apt " : "Suite ")
                + (1 + r.nextInt(40))
                + (char) ('A' + r.nextInt(6))
            : null;
    String zip = city[2] + r.digits(2);
    // Ages 18 to 90 on the reference day; 10% of customers never gave a birth date.
    Integer birth =
        r.chance(0.10) ? null : (int) (REFERENCE_EPOCH_DAY - 365L * 18 - r.nextInt(365 * 72));
    String gender = r.chance(0.12) ? null : (r.chance(0.5) ? "F" : r.chance(0.97) ? "M" : "X");
    int signup = (int) (REFERENCE_EPOCH_DAY - r.nextInt(365 * 10));
    return RowFactory.create(
        id,
        first,
        last,
        email,
        phone,
        ssn,
        card == null ? null : card[0],
        card == null ? null : card[1],
        street,
        line2,
        city[0],
        city[1],
        zip,
        "US",
        birth,
        gender,
        r.pick(LOYALTY_TIERS),
        signup,
        r.chance(0.62),
        r.pick(CHANNELS));
  }

  private static int weightedCity(SplitMix r) {
    int total = 0;
    for (int w : CITY_WEIGHTS) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < CITY_WEIGHTS.length; i++) {
      x -= CITY_WEIGHTS[i];
      if (x < 0) {
        return i;
      }
    }
    return CITY_WEIGHTS.length - 1;
  }

  static String email(SplitMix r, String first, String last, long id) {
    String f = ascii(first);
    String l = ascii(last);
    String local =
        switch (r.nextInt(4)) {
          case 0 -> f + "." + l;
          case 1 -> f.charAt(0) + l;
          case 2 -> f + "." + l + (id % 100);
          default -> f + "_" + l.charAt(0) + (1950 + r.nextInt(56));
        };
    return local + "@" + r.pick(EMAIL_DOMAINS);
  }

  private static String ascii(String name) {
    return name.toLowerCase(Locale.ROOT).replace("ü", "u").replace("'", "");
  }

  /** Mostly US numbers in the styles people type them; about 7% international. */
  static String phone(SplitMix r, String areaCode) {
    if (r.chance(0.07)) {
      return switch (r.nextInt(5)) {
        case 0 -> "+44 20 7946 " + r.digits(4);
        case 1 -> "+49 30 " + (2 + r.nextInt(8)) + r.digits(7);
        case 2 ->
            "+33 1 "
                + (10 + r.nextInt(90))
                + " "
                + r.digits(2)
                + " "
                + r.digits(2)
                + " "
                + r.digits(2);
        case 3 -> "+81 3-" + (1 + r.nextInt(9)) + r.digits(3) + "-" + r.digits(4);
        default -> "+55 11 9" + r.digits(4) + "-" + r.digits(4);
      };
    }
    // Exchange codes 200-999, never N11 (those are service numbers).
    int exchange = 200 + r.nextInt(800);
    if (exchange % 100 == 11) {
      exchange++;
    }
    String line = r.digits(4);
    return switch (r.nextInt(3)) {
      case 0 -> "(" + areaCode + ") " + exchange + "-" + line;
      case 1 -> areaCode + "-" + exchange + "-" + line;
      default -> "+1 " + areaCode + " " + exchange + " " + line;
    };
  }

  /** A syntactically valid SSN: area 001-899 but not 666, group 01-99, serial 0001-9999. */
  static String ssn(SplitMix r) {
    int area = 1 + r.nextInt(899);
    if (area == 666) {
      area = 667;
    }
    int group = 1 + r.nextInt(99);
    int serial = 1 + r.nextInt(9999);
    return String.format(Locale.ROOT, "%03d-%02d-%04d", area, group, serial);
  }

  /**
   * A Luhn-valid card number and its brand: Visa, Mastercard (51-55 and 2221-2720), Amex, Discover.
   */
  static String[] card(SplitMix r) {
    int brand = r.nextInt(10);
    String prefix;
    int length = 16;
    String name;
    if (brand < 5) {
      name = "visa";
      prefix = "4";
    } else if (brand < 8) {
      name = "mastercard";
      prefix =
          r.chance(0.8) ? String.valueOf(51 + r.nextInt(5)) : String.valueOf(2221 + r.nextInt(500));
    } else if (brand < 9) {
      name = "amex";
      prefix = r.chance(0.5) ? "34" : "37";
      length = 15;
    } else {
      name = "discover";
      prefix = "6011";
    }
    String body = prefix + r.digits(length - 1 - prefix.length());
    return new String[] {body + luhnCheckDigit(body), name};
  }

  /** The digit that makes {@code body + digit} pass the Luhn check. */
  static int luhnCheckDigit(String body) {
    int sum = 0;
    boolean dbl =
        true; // the rightmost digit of the body is doubled once the check digit is appended
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }
}
