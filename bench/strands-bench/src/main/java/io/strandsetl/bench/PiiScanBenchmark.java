package io.strandsetl.bench;

import io.strandsetl.compliance.pii.ColumnContext;
import io.strandsetl.compliance.pii.ColumnScan;
import io.strandsetl.compliance.pii.PiiScanner;
import io.strandsetl.compliance.pii.ScannerOptions;
import io.strandsetl.spark.compliance.PiiScan;
import io.strandsetl.spark.compliance.ScanSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * PII scan throughput of text columns, in MB/s of UTF-8 text per core, against two baselines
 * measured in the same JVM on the same cells: {@code read} (touch every char of every cell: the
 * floor of any scan) and {@code one-regex} (one pre-compiled e-mail pattern over every cell: what a
 * regex-only scanner of a single entity costs). The data is generated (seeded): four text columns,
 * a free-text {@code comment} (60-240 chars, 15% of them carrying an e-mail, phone, card, SSN, IBAN
 * or IP), and {@code email}, {@code phone}, {@code street_address} columns, as in a customer table.
 *
 * <p>Two measurements: single-thread {@link ColumnScan} over the cells (MB/s per core directly),
 * and the Spark pass {@link PiiScan#scan} over the same rows cached in memory on {@code --master}
 * (MB/s divided by the cores used). One warm-up round is discarded; the median of {@code --reps}
 * rounds is printed.
 */
public final class PiiScanBenchmark {
  private PiiScanBenchmark() {}

  static final String[] COLUMNS = {"comment", "email", "phone", "street_address"};

  public static void main(String[] args) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    int rows = Integer.parseInt(a.getOrDefault("--rows", "200000"));
    int reps = Integer.parseInt(a.getOrDefault("--reps", "5"));
    String master = a.getOrDefault("--master", "local[2]");
    List<String[]> data = generate(rows, 42);
    long bytes = 0;
    for (String[] r : data) {
      for (String c : r) {
        bytes += c == null ? 0 : c.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    double mb = bytes / 1e6;
    System.out.printf(
        Locale.ROOT,
        "PII scan benchmark: %,d rows x %d text columns, %.1f MB of UTF-8%n",
        rows,
        COLUMNS.length,
        mb);

    PiiScanner scanner = PiiScanner.create(ScannerOptions.defaults());
    Pattern email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    long[] sink = new long[1];
    Map<String, double[]> secs = new LinkedHashMap<>();
    secs.put("read", new double[reps]);
    secs.put("one-regex", new double[reps]);
    secs.put("strands (1 thread)", new double[reps]);
    for (int round = -1; round < reps; round++) {
      long t0 = System.nanoTime();
      for (String[] r : data) {
        for (String c : r) {
          for (int i = 0; i < c.length(); i++) {
            sink[0] += c.charAt(i);
          }
        }
      }
      long t1 = System.nanoTime();
      for (String[] r : data) {
        for (String c : r) {
          Matcher m = email.matcher(c);
          while (m.find()) {
            sink[0]++;
          }
        }
      }
      long t2 = System.nanoTime();
      ColumnScan[] scans = new ColumnScan[COLUMNS.length];
      ColumnContext[] contexts = new ColumnContext[COLUMNS.length];
      for (int i = 0; i < COLUMNS.length; i++) {
        scans[i] = new ColumnScan(COLUMNS[i]);
        contexts[i] = ColumnContext.of(COLUMNS[i]);
      }
      for (String[] r : data) {
        for (int i = 0; i < r.length; i++) {
          scans[i].add(r[i], scanner, contexts[i]);
        }
      }
      long t3 = System.nanoTime();
      sink[0] += scans[0].finding(0.1).valuesScanned();
      if (round >= 0) {
        secs.get("read")[round] = (t1 - t0) / 1e9;
        secs.get("one-regex")[round] = (t2 - t1) / 1e9;
        secs.get("strands (1 thread)")[round] = (t3 - t2) / 1e9;
      }
    }

    boolean withSpark = Boolean.parseBoolean(a.getOrDefault("--spark", "true"));
    if (!withSpark) {
      System.out.println("| pass | median s | MB/s | MB/s per core | strands time / this |");
      System.out.println("|---|---:|---:|---:|---:|");
      double o = median(secs.get("strands (1 thread)"));
      row("read every char (1 thread)", median(secs.get("read")), mb, 1, o);
      row("one e-mail regex (1 thread)", median(secs.get("one-regex")), mb, 1, o);
      row("strands recognizers (1 thread)", o, mb, 1, o);
      return;
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("pii-scan-bench")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    int cores = spark.sparkContext().defaultParallelism();
    StructType schema = new StructType();
    for (String c : COLUMNS) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> sparkRows = new ArrayList<>(data.size());
    for (String[] r : data) {
      sparkRows.add(RowFactory.create((Object[]) r));
    }
    Dataset<Row> df = spark.createDataFrame(sparkRows, schema).repartition(cores * 2).cache();
    df.count();
    ScanSettings full = ScanSettings.defaults().fullScan();
    double[] sparkSecs = new double[reps];
    for (int round = -1; round < reps; round++) {
      long t0 = System.nanoTime();
      var findings = PiiScan.scan("bench", df, full);
      long t1 = System.nanoTime();
      if (findings.rowsScanned() != rows) {
        throw new IllegalStateException("scanned " + findings.rowsScanned() + " rows of " + rows);
      }
      if (round >= 0) {
        sparkSecs[round] = (t1 - t0) / 1e9;
      }
      if (round == reps - 1) {
        findings
            .columns()
            .forEach(
                c ->
                    System.out.println(
                        "  found in "
                            + c.column()
                            + ": "
                            + c.entities().stream()
                                .map(e -> e.entity().id() + " " + e.matchedValues())
                                .toList()));
      }
    }
    double readS = median(secs.get("read"));
    double regexS = median(secs.get("one-regex"));
    double oursS = median(secs.get("strands (1 thread)"));
    double sparkS = median(sparkSecs);
    System.out.println();
    System.out.println("| pass | median s | MB/s | MB/s per core | strands time / this |");
    System.out.println("|---|---:|---:|---:|---:|");
    row("read every char (1 thread)", readS, mb, 1, oursS);
    row("one e-mail regex (1 thread)", regexS, mb, 1, oursS);
    row("strands recognizers (1 thread)", oursS, mb, 1, oursS);
    row("strands PiiScan on Spark " + master + " (" + cores + " cores)", sparkS, mb, cores, oursS);
    System.out.println("(checksum " + (sink[0] & 0xff) + ")");
    spark.stop();
  }

  private static void row(String name, double s, double mb, int cores, double ours) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.1f | %.1f | %.2f |%n",
        name,
        s,
        mb / s,
        mb / s / cores,
        ours / s);
  }

  static double median(double[] v) {
    return PipelineBenchmark.median(Arrays.stream(v).boxed().toList());
  }

  private static final String[] WORDS =
      ("the order arrived late and the box was damaged please send a replacement as soon as possible"
              + " thanks for the quick reply my account still shows the old plan can you check what"
              + " happened with invoice number 4471 from last month delivery was fine but the size is"
              + " wrong I would like to return it and get a refund to my card")
          .split(" ");
  private static final String[] FIRST = {
    "Ana", "Bo", "Chen", "Dmitri", "Eva", "Farah", "Gus", "Hana"
  };
  private static final String[] LAST = {
    "Lima", "Berg", "Wu", "Ivanov", "Novak", "Haddad", "Olsen", "Sato"
  };
  private static final String[] STREETS = {
    "Main St", "Oak Avenue", "Rue de la Paix", "High Street", "Elm Road"
  };

  /** Seeded rows: comment, email, phone, street_address. */
  static List<String[]> generate(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String[]> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      String first = FIRST[r.nextInt(FIRST.length)];
      String last = LAST[r.nextInt(LAST.length)];
      StringBuilder comment = new StringBuilder();
      int words = 12 + r.nextInt(30);
      for (int w = 0; w < words; w++) {
        comment.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
      }
      if (r.nextInt(100) < 15) {
        comment.append(
            switch (r.nextInt(6)) {
              case 0 ->
                  "mail me at "
                      + first.toLowerCase(Locale.ROOT)
                      + "."
                      + last.toLowerCase(Locale.ROOT)
                      + "@example.com";
              case 1 -> "call me on (415) 555-" + (1000 + r.nextInt(9000));
              case 2 -> "card 4111 1111 1111 1111";
              case 3 -> "my ssn is 536-22-" + (1000 + r.nextInt(9000));
              case 4 -> "refund to GB82 WEST 1234 5698 7654 32";
              default -> "from 10.0." + r.nextInt(256) + "." + r.nextInt(256);
            });
      }
      String email =
          first.toLowerCase(Locale.ROOT)
              + "."
              + last.toLowerCase(Locale.ROOT)
              + i % 100
              + "@example.org";
      String phone = "+1 212 555 " + String.format(Locale.ROOT, "%04d", r.nextInt(10000));
      String street = (1 + r.nextInt(9000)) + " " + STREETS[r.nextInt(STREETS.length)];
      out.add(new String[] {comment.toString().strip(), email, phone, street});
    }
    return out;
  }
}
