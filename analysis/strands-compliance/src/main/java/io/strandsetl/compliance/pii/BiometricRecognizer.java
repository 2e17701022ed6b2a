package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Biometric identifiers (HIPAA Safe Harbor P: finger and voice prints, iris and face templates) as
 * data holds them: an encoded template — a base64 or hexadecimal blob of at least 32 characters, or
 * a vector of at least 8 numbers. Any blob has this shape, so the shape alone scores {@value
 * #SHAPE_ONLY}: only a column name or nearby word (fingerprint, voiceprint, iris, biometric, …)
 * makes it count.
 */
public final class BiometricRecognizer implements Recognizer {
  static final double SHAPE_ONLY = 0.15;
  private static final Pattern TEMPLATE =
      Pattern.compile(
          "(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{32,}={0,2}|(?:0x)?[0-9a-fA-F]{32,})(?![A-Za-z0-9+/=])"
              + "|\\[\\s*-?\\d+(?:\\.\\d+)?(?:\\s*,\\s*-?\\d+(?:\\.\\d+)?){7,}\\s*\\]");

  @Override
  public String name() {
    return "biometric";
  }

  @Override
  public double bestWithoutContext() {
    return SHAPE_ONLY;
  }

  @Override
  public EntityType entity() {
    return EntityType.BIOMETRIC;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of(
        "fingerprint",
        "fingerprints",
        "biometric",
        "biometrics",
        "voiceprint",
        "iris",
        "retina",
        "retinal",
        "faceprint",
        "minutiae",
        "palmprint");
  }

  @Override
  public List<Match> find(String text) {
    if (text.length() < 17) {
      return List.of(); // shorter than any template shape (8 one-digit numbers in brackets)
    }
    List<Match> out = new ArrayList<>(1);
    Matcher m = TEMPLATE.matcher(text);
    while (m.find()) {
      out.add(new Match(entity(), name(), m.start(), m.end(), SHAPE_ONLY, "template shape"));
    }
    return out;
  }
}
