package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.pii.ColumnContext;
import io.strandsetl.compliance.pii.ColumnFinding;
import io.strandsetl.compliance.pii.ColumnScan;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.pii.PiiScanner;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Scans a dataset's columns for PII in one Spark pass: each partition runs the recognizers over its
 * rows and returns per-column counts and masked samples (never values), which the driver merges.
 * Scanned: string, date and timestamp columns, and numeric columns whose name gives context (an
 * {@code age}, a {@code zip} or {@code card_number} stored as a number). With a row cap the first
 * {@code maxRows} rows are read (a sample); with 0, every row.
 */
public final class PiiScan {
  private PiiScan() {}

  public static DatasetFindings scan(String dataset, Dataset<Row> rows, ScanSettings settings) {
    List<String> columns = new ArrayList<>();
    List<Column> selected = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      if (scannable(f)) {
        columns.add(f.name());
        selected.add(functions.col(quote(f.name())).cast(DataTypes.StringType).as(f.name()));
      }
    }
    if (columns.isEmpty()) {
      return new DatasetFindings(dataset, 0, false, List.of());
    }
    Dataset<Row> input = rows.select(selected.toArray(Column[]::new));
    if (settings.maxRows() > 0) {
      input = input.limit((int) Math.min(Integer.MAX_VALUE, settings.maxRows()));
    }
    // Spark's internal rows: the values are read as UTF-8 strings where they are, without making
    // an external Row per row (that conversion cost more than the scan of a short value).
    List<PartitionScan> parts =
        input
            .queryExecution()
            .toRdd()
            .toJavaRDD()
            .mapPartitions(new ScanPartition(columns, settings))
            .collect();
    PartitionScan total = new PartitionScan(columns);
    parts.forEach(total::merge);
    List<ColumnFinding> findings = new ArrayList<>();
    for (ColumnScan c : total.columns) {
      findings.add(c.finding(settings.minColumnRatio()));
    }
    boolean sampled = settings.maxRows() > 0 && total.rows >= settings.maxRows();
    return new DatasetFindings(dataset, total.rows, sampled, findings);
  }

  static boolean scannable(StructField f) {
    DataType t = f.dataType();
    if (t.equals(DataTypes.StringType)
        || t.equals(DataTypes.DateType)
        || t.equals(DataTypes.TimestampType)) {
      return true;
    }
    boolean numeric =
        t.equals(DataTypes.IntegerType)
            || t.equals(DataTypes.LongType)
            || t.equals(DataTypes.ShortType)
            || t instanceof DecimalType;
    return numeric && NamedColumns.hasPiiName(f.name());
  }

  static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /** The scan of one partition (or the merged total). */
  static final class PartitionScan implements Serializable {
    private static final long serialVersionUID = 1L;
    long rows;
    final List<ColumnScan> columns = new ArrayList<>();

    PartitionScan(List<String> names) {
      names.forEach(n -> columns.add(new ColumnScan(n)));
    }

    void merge(PartitionScan other) {
      rows += other.rows;
      for (int i = 0; i < columns.size(); i++) {
        columns.get(i).merge(other.columns.get(i));
      }
    }
  }

  /** Runs in the tasks: one scanner per partition, every value of every scanned column. */
  static final class ScanPartition
      implements FlatMapFunction<Iterator<InternalRow>, PartitionScan> {
    private static final long serialVersionUID = 1L;
    private final List<String> names;
    private final ScanSettings settings;

    ScanPartition(List<String> names, ScanSettings settings) {
      this.names = List.copyOf(names);
      this.settings = settings;
    }

    @Override
    public Iterator<PartitionScan> call(Iterator<InternalRow> rows) {
      PiiScanner scanner = PiiScanner.create(settings.scanner());
      ColumnContext[] contexts =
          names.stream().map(ColumnContext::of).toArray(ColumnContext[]::new);
      PartitionScan scan = new PartitionScan(names);
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        scan.rows++;
        for (int i = 0; i < contexts.length; i++) {
          if (!row.isNullAt(i)) {
            scan.columns.get(i).add(row.getUTF8String(i).toString(), scanner, contexts[i]);
          }
        }
      }
      return List.of(scan).iterator();
    }
  }
}
