package io.strandsetl.compliance.policy;

import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code compliance:} section of a pipeline (a raw YAML map) into a {@link
 * CompliancePolicy}. Every problem is collected and reported at once, each naming its key: {@code
 * Invalid compliance section: compliance.columns.email.mask: 'hsh' (known: hash, …)}.
 */
public final class PolicyParser {
  static final Set<String> KEYS =
      Set.of(
          "regulations",
          "on-violation",
          "legal-basis",
          "consent-column",
          "retention",
          "retention-column",
          "erasure-key",
          "breach-contact",
          "encryption-at-rest",
          "access-control",
          "audit-logging",
          "columns");
  static final Set<String> COLUMN_KEYS = Set.of("purpose", "mask");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([dwy])");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");

  private PolicyParser() {}

  /**
   * The policy of {@code section}; an empty or null section gives {@link CompliancePolicy#none}.
   */
  public static CompliancePolicy parse(Map<String, Object> section) {
    if (section == null || section.isEmpty()) {
      return CompliancePolicy.none();
    }
    List<String> problems = new ArrayList<>();
    for (String key : section.keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(
            "compliance." + key + ": unknown key (known: " + String.join(", ", sorted(KEYS)) + ")");
      }
    }
    Set<Regulation> regulations = new LinkedHashSet<>();
    for (String r : strings(section.get("regulations"), "compliance.regulations", problems)) {
      try {
        regulations.add(Regulation.valueOf(r.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add("compliance.regulations: '" + r + "' (known: gdpr, hipaa)");
      }
    }
    OnViolation onViolation = null;
    String ov = text(section, "on-violation", problems);
    if (ov != null) {
      switch (ov.trim().toLowerCase(Locale.ROOT)) {
        case "block" -> onViolation = OnViolation.BLOCK;
        case "warn" -> onViolation = OnViolation.WARN;
        default -> problems.add("compliance.on-violation: '" + ov + "' (known: block, warn)");
      }
    }
    LegalBasis basis = null;
    String lb = text(section, "legal-basis", problems);
    if (lb != null) {
      String normalised = lb.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      try {
        basis = LegalBasis.valueOf(normalised);
      } catch (IllegalArgumentException e) {
        problems.add(
            "compliance.legal-basis: '"
                + lb
                + "' (known: "
                + String.join(", ", Arrays.stream(LegalBasis.values()).map(LegalBasis::id).toList())
                + ")");
      }
    }
    String consentColumn = text(section, "consent-column", problems);
    if (basis == LegalBasis.CONSENT && consentColumn == null) {
      problems.add(
          "compliance.consent-column: missing (legal-basis consent needs the column that records"
              + " each subject's consent)");
    }
    Duration retention = null;
    String rt = text(section, "retention", problems);
    if (rt != null) {
      retention = duration(rt);
      if (retention == null) {
        problems.add(
            "compliance.retention: '" + rt + "' (expected 400d, 52w, 7y or ISO-8601 P400D)");
      }
    }
    String breach = text(section, "breach-contact", problems);
    if (breach != null && !EMAIL.matcher(breach.trim()).matches()) {
      problems.add("compliance.breach-contact: '" + breach + "' (expected an e-mail address)");
    }
    boolean encryption = bool(section, "encryption-at-rest", problems);
    boolean audit = bool(section, "audit-logging", problems);
    List<String> access =
        strings(section.get("access-control"), "compliance.access-control", problems);
    Map<String, ColumnPolicy> columns = columns(section.get("columns"), problems);
    if (!problems.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE, "Invalid compliance section: " + String.join("; ", problems));
    }
    return new CompliancePolicy(
        regulations,
        onViolation,
        basis,
        consentColumn,
        retention,
        text(section, "retention-column", problems),
        text(section, "erasure-key", problems),
        breach == null ? null : breach.trim(),
        encryption,
        access,
        audit,
        columns);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ColumnPolicy> columns(Object raw, List<String> problems) {
    Map<String, ColumnPolicy> columns = new LinkedHashMap<>();
    if (raw == null) {
      return columns;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      problems.add("compliance.columns: expected a map of column name to {purpose, mask}");
      return columns;
    }
    for (var e : ((Map<String, Object>) map).entrySet()) {
      String column = e.getKey();
      String prefix = "compliance.columns." + column;
      if (!(e.getValue() instanceof Map<?, ?> c)) {
        problems.add(prefix + ": expected {purpose: ..., mask: ...}");
        continue;
      }
      Map<String, Object> spec = (Map<String, Object>) c;
      for (String key : spec.keySet()) {
        if (!COLUMN_KEYS.contains(key)) {
          problems.add(prefix + "." + key + ": unknown key (known: mask, purpose)");
        }
      }
      String purpose = spec.get("purpose") == null ? null : spec.get("purpose").toString();
      MaskingMethod mask = null;
      Object m = spec.get("mask");
      if (m != null) {
        try {
          mask = MaskingMethod.parse(prefix + ".mask", m.toString());
        } catch (StrandsException ex) {
          problems.add(ex.getMessage().replaceFirst("^Invalid ", ""));
        }
      }
      columns.put(column, new ColumnPolicy(column, purpose, mask));
    }
    return columns;
  }

  private static String text(Map<String, Object> section, String key, List<String> problems) {
    Object v = section.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      problems.add("compliance." + key + ": expected a single value");
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  private static boolean bool(Map<String, Object> section, String key, List<String> problems) {
    Object v = section.get(key);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    problems.add("compliance." + key + ": '" + v + "' (expected true or false)");
    return false;
  }

  private static List<String> strings(Object v, String key, List<String> problems) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        if (o == null || o instanceof Map<?, ?> || o instanceof List<?>) {
          problems.add(key + ": expected a list of names");
        } else if (!o.toString().isBlank()) {
          out.add(o.toString().trim());
        }
      }
      return out;
    }
    if (v instanceof Map<?, ?>) {
      problems.add(key + ": expected a list of names");
      return List.of();
    }
    return Arrays.stream(v.toString().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * {@code 400d}, {@code 52w}, {@code 7y} (365 days) or ISO-8601 {@code P400D}; null if invalid.
   */
  static Duration duration(String raw) {
    String s = raw.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT_DURATION.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "w" -> Duration.ofDays(7 * n);
        default -> Duration.ofDays(365 * n);
      };
    }
    try {
      return Duration.parse(raw.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      try {
        java.time.Period p = java.time.Period.parse(raw.trim().toUpperCase(Locale.ROOT));
        return Duration.ofDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
