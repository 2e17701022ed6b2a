package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every recognizer over a text, applies context (column name, nearby words; see {@link
 * Confidence}), keeps matches at or above the threshold and resolves overlaps: the highest score
 * wins, then the longer span. Thread-safe; build one per thread or task and reuse it.
 */
public final class PiiScanner {
  static final String COLUMN_CONTEXT = "column context";
  private final ScannerOptions options;
  private final List<Recognizer> recognizers;

  /** Each recognizer's context words, fetched once: recognizers build the set at each call. */
  private final List<java.util.Set<String>> contexts;

  /** Every recognizer's context words, looked up in one pass over a text. */
  private final ContextWords contextWords;

  /** Each recognizer's entity, and whether only a column name can lift it, in order. */
  private final EntityType[] entities;

  private final boolean[] columnOnly;

  /**
   * Which recognizers each recent column's name supports, computed once per column instead of once
   * per value (it was ~40 % of a typed column's scan) and found by identity: a row-by-row scan
   * alternates between a table's columns, and a record's equals/hashCode over the column's words
   * cost more than the scan of a short value. Copy-on-write, at most {@value #RECENT} columns.
   * Holds column names only, never a scanned value.
   */
  private volatile ColumnSupport[] recent = new ColumnSupport[0];

  /** Every column seen (a table has few; cleared past {@value #MAX_COLUMNS} names). */
  private final java.util.concurrent.ConcurrentHashMap<ColumnContext, boolean[]> columns =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_COLUMNS = 1024;
  private static final int RECENT = 32;

  private record ColumnSupport(ColumnContext column, boolean[] supports) {}

  private PiiScanner(ScannerOptions options) {
    this.options = options;
    List<Recognizer> all = new ArrayList<>();
    all.add(new EmailRecognizer());
    all.add(new IbanRecognizer());
    all.add(new PaymentCardRecognizer());
    all.add(new SsnRecognizer());
    PhoneRecognizer phone = new PhoneRecognizer(options.phoneRegions());
    all.add(new FaxRecognizer(phone)); // before phone: it reads the phone's candidates
    all.add(phone);
    all.add(new UrlRecognizer());
    all.add(new VinRecognizer());
    all.addAll(ContextIdRecognizer.all()); // medical record, health plan, account, licence, device
    all.add(new BiometricRecognizer());
    all.add(new PhotoRecognizer());
    all.add(new IpAddressRecognizer());
    all.add(new NationalIdRecognizer());
    all.add(new DateOfBirthRecognizer());
    all.addAll(ColumnContextRecognizer.all());
    this.recognizers = all.stream().filter(r -> options.entities().contains(r.entity())).toList();
    this.contexts = recognizers.stream().map(r -> java.util.Set.copyOf(r.contextWords())).toList();
    this.contextWords = ContextWords.of(contexts);
    this.entities = recognizers.stream().map(Recognizer::entity).toArray(EntityType[]::new);
    this.columnOnly = new boolean[recognizers.size()];
    for (int i = 0; i < columnOnly.length; i++) {
      columnOnly[i] = recognizers.get(i) instanceof ColumnContextRecognizer;
    }
    this.withoutContext =
        recognizers.stream().mapToDouble(Recognizer::bestWithoutContext).toArray();
  }

  /**
   * {@link Recognizer#bestWithoutContext} of each recognizer, in order. Below the threshold the
   * recognizer is searched only when the column or the text has one of its words: exact, since the
   * nearby-word test that would lift it only finds words the text contains.
   */
  private final double[] withoutContext;

  private boolean[] supports(ColumnContext column) {
    ColumnSupport[] known = recent;
    for (ColumnSupport c : known) {
      if (c.column() == column) {
        return c.supports();
      }
    }
    boolean[] supports = columns.get(column);
    if (supports == null) {
      supports = new boolean[recognizers.size()];
      for (int i = 0; i < supports.length; i++) {
        supports[i] = column.supports(recognizers.get(i));
      }
      if (columns.size() >= MAX_COLUMNS) {
        columns.clear();
      }
      columns.put(column, supports);
    }
    ColumnSupport[] grown =
        known.length < RECENT
            ? java.util.Arrays.copyOf(known, known.length + 1)
            : new ColumnSupport[] {null};
    grown[grown.length - 1] = new ColumnSupport(column, supports);
    recent = grown;
    return supports;
  }

  public static PiiScanner create(ScannerOptions options) {
    return new PiiScanner(options);
  }

  public static PiiScanner defaults() {
    return new PiiScanner(ScannerOptions.defaults());
  }

  public ScannerOptions options() {
    return options;
  }

  /** Names of the recognizers, in the order they run. */
  public List<String> recognizerNames() {
    return recognizers.stream().map(Recognizer::name).toList();
  }

  /** PII in free text; context comes from the words around each match. */
  public List<Match> scan(String text) {
    return scan(text, null);
  }

  /**
   * PII in one value of a column; context comes from the column name and from the words around each
   * match. {@code column} may be null (free text).
   */
  public List<Match> scan(String text, ColumnContext column) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    TextShape shape = TextShape.of(text);
    long mentioned = -1; // which recognizers' words the text has: found once, when first needed
    boolean mentionedKnown = false;
    List<Match> kept = new ArrayList<>(2);
    boolean[] supported = column == null ? null : supports(column);
    double threshold = options.threshold();
    for (int ri = 0; ri < recognizers.size(); ri++) {
      boolean columnContext = supported != null && supported[ri];
      if (columnOnly[ri] && !columnContext) {
        continue; // a shape alone never reaches the threshold
      }
      if (!mightMatch(entities[ri], shape, text.length())) {
        continue;
      }
      Recognizer r = recognizers.get(ri);
      boolean contextOnly = withoutContext[ri] < threshold;
      if (!columnContext && (contextOnly || r instanceof NationalIdRecognizer) && !mentionedKnown) {
        mentioned = contextWords.mentioned(text);
        mentionedKnown = true;
      }
      boolean textContext = mentionedKnown && (mentioned & (1L << ri)) != 0;
      if (!columnContext && contextOnly && !textContext) {
        continue; // e.g. a date alone never reaches the threshold: only context can lift it
      }
      java.util.Set<String> context = contexts.get(ri);
      List<Match> found;
      if (r instanceof NationalIdRecognizer ids) {
        // Digit-only schemes score below the threshold: without a context word in the column
        // name or the text they cannot be kept, so they are not searched (exact: the nearby-word
        // test that would lift them only finds words the text contains).
        boolean idContext = columnContext || textContext;
        found = ids.find(text, shape, idContext ? 0 : threshold);
      } else {
        found = r.find(text, shape.firstRun6());
      }
      for (Match m : found) {
        Match scored = m;
        if (columnContext) {
          scored = m.withScore(Confidence.withContext(m.score()), COLUMN_CONTEXT);
        } else if (m.score() < threshold
            && Confidence.withContext(m.score()) >= threshold
            && nearbyContext(text, m, context)) {
          scored = m.withScore(Confidence.withContext(m.score()), "context words");
        }
        if (scored.score() >= threshold) {
          kept.add(scored);
        }
      }
    }
    return resolve(kept);
  }

  /** Cheap tests on the text's shape, so recognizers that cannot match are skipped. */
  private static boolean mightMatch(EntityType entity, TextShape s, int length) {
    return switch (entity) {
      case EMAIL_ADDRESS -> s.at();
      case PHONE_NUMBER -> s.hasRun(7, 63);
      case US_SSN -> s.hasRun(9, 9);
      case PAYMENT_CARD -> s.hasRun(12, 19);
      case IBAN -> s.ibanStart() && s.digits() >= 4 && length >= 15;
      case IP_ADDRESS -> (s.dot() && s.digits() >= 4) || s.colon();
      case DATE_OF_BIRTH -> s.year();
      case NATIONAL_ID -> s.hasRun(6, 13) || s.longestWord() >= 16;
      case PERSON_NAME, CITY -> s.letters() > 0;
      case STREET_ADDRESS -> s.letters() > 0;
      case ZIP_CODE, AGE -> s.digits() > 0;
      case URL -> s.colon() || s.www();
      case VEHICLE_ID -> s.longestWord() >= 17;
      case FAX_NUMBER -> s.hasRun(7, 63);
      // From each pattern: \d{5,12}; a 6-20 char token with 4 digits; a 5-15 char token with 4
      // digits; 6-17 digits grouped by '-' or ' '; a 6-20 char token with 3 digits.
      case MEDICAL_RECORD_NUMBER -> s.longestPureRun() >= 5;
      case HEALTH_PLAN_NUMBER -> s.tokenDigits6() >= 4;
      case LICENSE_NUMBER -> s.tokenDigits5() >= 4;
      case ACCOUNT_NUMBER -> s.hasRun(6, 63);
      case DEVICE_ID -> s.tokenDigits6() >= 3;
      // A 32-char base64/hex run or a [list] of 8 numbers; data:image/…, a file name with an
      // image extension, or a 20-char base64 JPEG/PNG start.
      case BIOMETRIC -> s.longestBase64Run() >= 32 || s.bracket() && s.digits() >= 8;
      case PHOTO -> s.colon() || s.dotLetter() || s.longestBase64Run() >= 20;
    };
  }

  /**
   * True when one of the recognizer's context words is among the {@value Confidence#WORDS_BEFORE}
   * words before the match or the {@value Confidence#WORDS_AFTER} after it.
   */
  static boolean nearbyContext(String text, Match m, java.util.Set<String> context) {
    if (wordBefore(text, m.start(), context)) {
      return true;
    }
    int j = m.end();
    for (int words = 0; words < Confidence.WORDS_AFTER && j < text.length(); words++) {
      while (j < text.length() && !Character.isLetter(text.charAt(j))) {
        j++;
      }
      int start = j;
      while (j < text.length() && Character.isLetter(text.charAt(j))) {
        j++;
      }
      if (j > start
          && context.contains(text.substring(start, j).toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when one of {@code words} (lower case) is among the {@value Confidence#WORDS_BEFORE}
   * letter words before {@code start}.
   */
  static boolean wordBefore(String text, int start, java.util.Set<String> words) {
    int i = start;
    for (int seen = 0; seen < Confidence.WORDS_BEFORE && i > 0; seen++) {
      while (i > 0 && !Character.isLetter(text.charAt(i - 1))) {
        i--;
      }
      int end = i;
      while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
        i--;
      }
      if (end > i && words.contains(text.substring(i, end).toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Overlaps go to the match the column name supports (a 13-digit Luhn number in a column {@code
   * national_id} is an ID, in {@code card_number} a card), then to the higher score, then to the
   * longer span.
   */
  private static final Comparator<Match> BEST_FIRST =
      Comparator.comparing((Match m) -> !m.detail().endsWith(COLUMN_CONTEXT))
          .thenComparing(Comparator.comparingDouble(Match::score).reversed())
          .thenComparing(Comparator.comparingInt(Match::length).reversed())
          .thenComparingInt(Match::start);

  static List<Match> resolve(List<Match> matches) {
    if (matches.size() <= 1) {
      return matches;
    }
    List<Match> sorted = new ArrayList<>(matches);
    sorted.sort(BEST_FIRST);
    List<Match> kept = new ArrayList<>(sorted.size());
    for (Match m : sorted) {
      if (kept.stream().noneMatch(k -> k.overlaps(m))) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Match::start));
    return kept;
  }
}
