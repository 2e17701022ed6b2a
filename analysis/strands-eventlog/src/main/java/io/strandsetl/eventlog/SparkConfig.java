package io.strandsetl.eventlog;

import io.strandsetl.model.run.SparkConfigSummary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the settings that matter from Spark properties, and where the application ran. */
final class SparkConfig {
  static final String REDACTED = "*********(redacted)";
  private static final Pattern SIZE =
      Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");
  private static final Pattern LOCAL_MASTER =
      Pattern.compile("local(?:-cluster)?(?:\\[([^\\]]*)\\])?");

  private SparkConfig() {}

  /** Properties with secret-looking keys replaced by Spark's redaction marker, sorted. */
  static Map<String, String> redact(Map<String, String> properties) {
    Map<String, String> out = new TreeMap<>();
    properties.forEach(
        (k, v) -> out.put(k, io.strandsetl.model.config.Secret.isSecretKey(k) ? REDACTED : v));
    return out;
  }

  static SparkConfigSummary summary(Map<String, String> p) {
    return new SparkConfigSummary(
        bytes(p.get("spark.executor.memory"), "m"),
        bytes(
            p.getOrDefault(
                "spark.executor.memoryOverhead", p.get("spark.yarn.executor.memoryOverhead")),
            "m"),
        integer(p.get("spark.executor.cores")),
        integer(p.get("spark.executor.instances")),
        bytes(p.get("spark.driver.memory"), "m"),
        bool(p.get("spark.dynamicAllocation.enabled")),
        integer(p.get("spark.sql.shuffle.partitions")),
        bool(p.get("spark.sql.adaptive.enabled")),
        bytes(p.get("spark.sql.autoBroadcastJoinThreshold"), "b"),
        bool(p.get("spark.speculation")),
        p.get("spark.master"),
        redact(p));
  }

  /**
   * A size in bytes from Spark's notation ({@code 4g}, {@code 512m}, {@code 10MB}, {@code
   * 10485760b}, {@code 1.5g}); units are binary (k = 1024) as in Spark's {@code JavaUtils}.
   *
   * @param defaultUnit the unit of a bare number: "m" for memory settings, "b" for thresholds
   * @return bytes, or null when absent or not a size
   */
  static Long bytes(String value, String defaultUnit) {
    if (value == null) {
      return null;
    }
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      return null;
    }
    String unit = m.group(2).isEmpty() ? defaultUnit : m.group(2).toLowerCase(Locale.ROOT);
    long multiplier =
        switch (unit) {
          case "b" -> 1L;
          case "k", "kb", "kib" -> 1L << 10;
          case "m", "mb", "mib" -> 1L << 20;
          case "g", "gb", "gib" -> 1L << 30;
          case "t", "tb", "tib" -> 1L << 40;
          case "p", "pb", "pib" -> 1L << 50;
          default -> 0L;
        };
    if (multiplier == 0) {
      return null;
    }
    double number = Double.parseDouble(m.group(1));
    return number < 0 ? (long) number : (long) (number * multiplier);
  }

  static Integer integer(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean bool(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
  }

  /**
   * Where the application ran: vendor markers in the properties first (databricks, glue, emr,
   * dataproc), then {@code spark.master}, then the shape of the application id.
   */
  static String platform(Map<String, String> p, String appId) {
    boolean emr = false;
    boolean dataproc = false;
    boolean glue = false;
    boolean databricks = false;
    for (Map.Entry<String, String> e : p.entrySet()) {
      String k = e.getKey();
      String v = e.getValue() == null ? "" : e.getValue();
      databricks |= k.startsWith("spark.databricks.");
      glue |= k.startsWith("spark.glue.") || k.equals("spark.glueJobName");
      emr |= k.startsWith("spark.emr.") || v.contains("/usr/share/aws/emr/");
      dataproc |= k.startsWith("spark.dataproc.");
    }
    if (databricks) {
      return "databricks";
    }
    if (glue) {
      return "glue";
    }
    if (emr) {
      return "emr";
    }
    if (dataproc) {
      return "dataproc";
    }
    String master = p.getOrDefault("spark.master", "");
    if (master.startsWith("local")) {
      return "local";
    }
    if (master.startsWith("spark://")) {
      return "standalone";
    }
    if (master.startsWith("yarn")) {
      return "yarn";
    }
    if (master.startsWith("k8s://")) {
      return "kubernetes";
    }
    if (appId != null) {
      if (appId.startsWith("local-")) {
        return "local";
      }
      if (appId.startsWith("application_")) {
        return "yarn";
      }
      if (appId.startsWith("app-")) {
        return "standalone";
      }
      if (appId.startsWith("spark-")) {
        return "kubernetes";
      }
    }
    return "unknown";
  }

  /** Task slots of a local master ({@code local[4]} → 4, {@code local} → 1), else null. */
  static Integer localCores(String master) {
    if (master == null) {
      return null;
    }
    Matcher m = LOCAL_MASTER.matcher(master.trim());
    if (!m.matches() || master.startsWith("local-cluster")) {
      return null;
    }
    String n = m.group(1);
    if (n == null) {
      return 1;
    }
    String first = n.split(",")[0].trim();
    return integer(first);
  }
}
