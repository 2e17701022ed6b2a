package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web URLs (HIPAA Safe Harbor identifier N): {@code http://}, {@code https://}, {@code ftp://} with
 * a host name, or a host starting {@code www.}. Trailing sentence punctuation is not part of the
 * URL. A URL whose host is an IP address is left to the IP recognizer (identifier O), and {@code
 * mailto:} to the e-mail recognizer. Scores: {@value #WITH_SCHEME} with a scheme, {@value #WWW} for
 * {@code www.} without one.
 */
public final class UrlRecognizer implements Recognizer {
  static final double WITH_SCHEME = 0.6;
  static final double WWW = 0.5;
  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?<![\\w@.])(?:(https?|ftp)://|(?=www\\.))"
              + "((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}|\\[[0-9a-f:.]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3})"
              + "(?::\\d{1,5})?(?:[/?#][^\\s<>\"']*)?");

  @Override
  public String name() {
    return "url";
  }

  @Override
  public EntityType entity() {
    return EntityType.URL;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("url", "urls", "website", "link", "homepage", "web", "site", "href", "uri");
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    Matcher m = URL.matcher(text);
    while (m.find()) {
      String host = m.group(2);
      if (host.startsWith("[") || Character.isDigit(host.charAt(host.length() - 1))) {
        continue; // an IP address host: the IP recognizer's
      }
      int end = m.end();
      while (end > m.start() && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
        end--; // "see https://example.org/a." ends before the full stop
      }
      boolean scheme = m.group(1) != null;
      out.add(
          new Match(
              entity(),
              name(),
              m.start(),
              end,
              scheme ? WITH_SCHEME : WWW,
              scheme ? "url with scheme" : "www host"));
    }
    return out;
  }
}
