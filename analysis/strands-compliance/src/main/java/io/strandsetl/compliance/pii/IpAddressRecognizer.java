package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 dotted quads (each octet 0-255, no leading zeros) and IPv6 addresses (RFC 4291 text forms:
 * eight groups, one {@code ::} compression, an embedded IPv4 tail), parsed here without DNS. Score
 * {@value #SCORE} (Presidio's): a version string such as 1.2.3.4 has the same shape.
 */
final class IpAddressRecognizer implements Recognizer {
  static final double SCORE = 0.6;
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern V4 =
      Pattern.compile("(?<![\\d.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\d|\\.\\d)");
  private static final Pattern V6 =
      Pattern.compile(
          "(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|\\d{1,3}(?:\\.\\d{1,3}){3})(?![0-9A-Za-z:])");
  private static final Pattern V4_EXACT = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

  @Override
  public String name() {
    return "ip-address";
  }

  @Override
  public EntityType entity() {
    return EntityType.IP_ADDRESS;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("ip", "ipv4", "ipv6", "address", "host", "client", "server", "remote");
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    if (text.indexOf('.') >= 0) {
      Matcher m = V4.matcher(text);
      while (m.find()) {
        out.add(new Match(entity(), name(), m.start(), m.end(), SCORE, "ipv4"));
      }
    }
    if (text.indexOf(':') >= 0) {
      Matcher m = V6.matcher(text);
      while (m.find()) {
        if (isIpv6(m.group())) {
          out.removeIf(v4 -> v4.start() >= m.start() && v4.end() <= m.end());
          out.add(new Match(entity(), name(), m.start(), m.end(), SCORE, "ipv6"));
        }
      }
    }
    return out;
  }

  /** RFC 4291 section 2.2 text forms. */
  static boolean isIpv6(String s) {
    int compression = s.indexOf("::");
    if (compression >= 0 && s.indexOf("::", compression + 1) >= 0) {
      return false;
    }
    String head = compression >= 0 ? s.substring(0, compression) : s;
    String tail = compression >= 0 ? s.substring(compression + 2) : "";
    List<String> groups = new ArrayList<>();
    if (!head.isEmpty()) {
      groups.addAll(List.of(head.split(":", -1)));
    }
    List<String> tailGroups = tail.isEmpty() ? List.of() : List.of(tail.split(":", -1));
    groups.addAll(tailGroups);
    int count = 0;
    boolean anyHex = false;
    for (int i = 0; i < groups.size(); i++) {
      String g = groups.get(i);
      if (i == groups.size() - 1 && g.indexOf('.') >= 0) {
        if (!V4_EXACT.matcher(g).matches()) {
          return false;
        }
        count += 2;
        anyHex = true;
        continue;
      }
      if (g.isEmpty() || g.length() > 4) {
        return false;
      }
      for (int j = 0; j < g.length(); j++) {
        if (Character.digit(g.charAt(j), 16) < 0) {
          return false;
        }
      }
      anyHex = true;
      count++;
    }
    return anyHex && (compression >= 0 ? count < 8 : count == 8);
  }
}
