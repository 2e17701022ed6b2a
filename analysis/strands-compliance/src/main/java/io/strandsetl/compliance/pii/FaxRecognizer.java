package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fax numbers (HIPAA Safe Harbor identifier E): a fax number is a phone number, so the phone
 * recognizer finds the candidates and this one decides by context. With "fax" (facsimile, telefax)
 * among the {@value Confidence#WORDS_BEFORE} words before it, the number scores the phone score +
 * {@value #FAX_WORD_BONUS} and so wins the overlap against the phone match; without, it scores the
 * phone score − {@value #NO_FAX_WORD_PENALTY} and the phone match wins — unless the column name
 * says fax (column context lifts this recognizer, not the phone one, once "fax" is not a phone
 * context word).
 */
public final class FaxRecognizer implements Recognizer {
  static final double FAX_WORD_BONUS = 0.05;
  static final double NO_FAX_WORD_PENALTY = 0.1;
  private static final Set<String> FAX_WORDS =
      Set.of("fax", "facsimile", "telefax", "telefacsimile");
  private final Recognizer phone;

  /**
   * @param phone the phone recognizer whose candidates are read (its own scores are kept as base)
   */
  public FaxRecognizer(Recognizer phone) {
    if (phone.entity() != EntityType.PHONE_NUMBER) {
      throw new IllegalArgumentException("Invalid fax delegate: " + phone.name() + " is no phone");
    }
    this.phone = phone;
  }

  @Override
  public String name() {
    return "fax";
  }

  /** Without a fax word a fax match scores below the phone match of its span: it never wins. */
  @Override
  public double bestWithoutContext() {
    return 0;
  }

  @Override
  public EntityType entity() {
    return EntityType.FAX_NUMBER;
  }

  @Override
  public Set<String> contextWords() {
    return FAX_WORDS;
  }

  @Override
  public List<Match> find(String text) {
    List<Match> found = phone.find(text);
    if (found.isEmpty()) {
      return found;
    }
    List<Match> out = new ArrayList<>(found.size());
    for (Match m : found) {
      boolean fax = faxWordBefore(text, m.start());
      double score =
          fax
              ? Math.min(1.0, m.score() + FAX_WORD_BONUS)
              : Math.max(0.0, m.score() - NO_FAX_WORD_PENALTY);
      out.add(
          new Match(
              entity(),
              name(),
              m.start(),
              m.end(),
              score,
              (fax ? "fax word before, " : "no fax word, ") + m.detail()));
    }
    return out;
  }

  /** "Fax: +1 …", "fax number (415) …": a fax word among the words before the number. */
  static boolean faxWordBefore(String text, int start) {
    return PiiScanner.wordBefore(text, start, FAX_WORDS);
  }
}
