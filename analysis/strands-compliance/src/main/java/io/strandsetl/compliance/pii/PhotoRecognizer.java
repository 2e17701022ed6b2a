package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-face photographs (HIPAA Safe Harbor Q) as data refers to them: an image data URI, a file
 * name or URL ending in an image extension, or base64 image bytes (JPEG starts {@code /9j/}, PNG
 * {@code iVBORw0KGgo}). A product picture has the same shape, so the shape alone scores {@value
 * #SHAPE_ONLY}: only a column name or nearby word (photo, portrait, headshot, selfie, face, …)
 * makes it count.
 */
public final class PhotoRecognizer implements Recognizer {
  static final double SHAPE_ONLY = 0.15;
  private static final Pattern IMAGE =
      Pattern.compile(
          "(?i)data:image/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+"
              + "|(?<![\\w.])[^\\s\"'<>]*[\\w-]\\.(?:jpe?g|png|gif|bmp|tiff?|heic|webp)(?![\\w])"
              + "|(?<![A-Za-z0-9+/])(?-i:/9j/|iVBORw0KGgo)[A-Za-z0-9+/]{16,}={0,2}");

  @Override
  public String name() {
    return "photo";
  }

  @Override
  public double bestWithoutContext() {
    return SHAPE_ONLY;
  }

  @Override
  public EntityType entity() {
    return EntityType.PHOTO;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of(
        "photo",
        "photos",
        "photograph",
        "picture",
        "portrait",
        "headshot",
        "selfie",
        "mugshot",
        "face",
        "avatar");
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    Matcher m = IMAGE.matcher(text);
    while (m.find()) {
      out.add(new Match(entity(), name(), m.start(), m.end(), SHAPE_ONLY, "image reference"));
    }
    return out;
  }
}
