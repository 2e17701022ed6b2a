package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * National identifiers with a known shape and check ({@link NationalIdScheme#all()}): Italian
 * codice fiscale, Spanish DNI/NIE, Brazilian CPF, UK NINO, Korean RRN, South African ID, Indian
 * Aadhaar (Verhoeff), Swedish personnummer, Norwegian fødselsnummer, Turkish T.C. Kimlik, Greek
 * AMKA and Dutch BSN. When several schemes fit one span the highest score wins; the detail names
 * the scheme.
 */
final class NationalIdRecognizer implements Recognizer {
  private final List<NationalIdScheme> schemes = NationalIdScheme.all();

  @Override
  public String name() {
    return "national-id";
  }

  @Override
  public EntityType entity() {
    return EntityType.NATIONAL_ID;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of(
        "national",
        "id",
        "identity",
        "passport",
        "citizen",
        "nin",
        "nino",
        "insurance",
        "dni",
        "nie",
        "cpf",
        "bsn",
        "aadhaar",
        "fiscale",
        "codice",
        "personnummer",
        "fodselsnummer",
        "kimlik",
        "amka",
        "rrn",
        "resident",
        "registration",
        "identification",
        "tax");
  }

  @Override
  public List<Match> find(String text) {
    return find(text, TextShape.of(text));
  }

  /** As {@link #find(String)} with the text's shape already taken (the scanner has it). */
  List<Match> find(String text, TextShape shape) {
    return find(text, shape, 0);
  }

  /**
   * As {@link #find(String, TextShape)}, skipping the schemes whose score is below {@code
   * minScore}: without context such a match could never be kept, and most schemes are digit-only.
   */
  List<Match> find(String text, TextShape shape, double minScore) {
    List<Match> out = new ArrayList<>(1);
    // A digit scheme's first digits are in a run of at least six digits (its separators are run
    // separators; Sweden's '+' follows six or eight), after at most three chars of letters
    // ("AB 12 34 56 C", "X1234567-L"): its search starts there.
    int digitsFrom = Math.max(0, shape.firstRun6() - 3);
    for (NationalIdScheme scheme : schemes) {
      if (scheme.score() < minScore) {
        continue;
      }
      if (scheme.minDigitRun() == 0
          ? shape.longestWord() < 16
          : !shape.hasRun(scheme.minDigitRun(), scheme.maxDigitRun())) {
        continue;
      }
      Matcher m = scheme.pattern().matcher(text);
      if (scheme.minDigitRun() > 0) {
        m.region(digitsFrom, text.length()).useTransparentBounds(true);
      }
      while (m.find()) {
        if (!scheme.check().test(m.group())) {
          continue;
        }
        Match match =
            new Match(
                entity(), name(), m.start(), m.end(), scheme.score(), scheme.id() + " check ok");
        boolean better = true;
        for (int i = 0; i < out.size(); i++) {
          Match o = out.get(i);
          if (o.start() == match.start() && o.end() == match.end() && o.score() == match.score()) {
            // The same digits pass two schemes' checks: say both, the context decides for people.
            out.set(
                i,
                new Match(
                    entity(),
                    name(),
                    o.start(),
                    o.end(),
                    o.score(),
                    o.detail().replace(" check ok", "") + "|" + scheme.id() + " check ok"));
            better = false;
          } else if (o.overlaps(match)) {
            if (o.score() >= match.score()) {
              better = false;
            } else {
              out.remove(i--);
            }
          }
        }
        if (better) {
          out.add(match);
        }
      }
    }
    return out;
  }
}
