package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.mask.Masker;
import io.strandsetl.compliance.mask.MaskingMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Masks columns of a dataset with {@link Masker}s, as a column expression per masked column (a UDF
 * over the value cast to string): masked columns become strings, nulls stay null, other columns are
 * untouched and the plan stays one projection.
 */
public final class ColumnMasking {
  private ColumnMasking() {}

  /**
   * The rows with each column of {@code methods} that exists in them masked.
   *
   * @param salt key of hash and tokenise; may be null when neither is used
   * @return the masked rows and the columns actually masked (absent columns are skipped)
   */
  public static Result apply(Dataset<Row> rows, Map<String, MaskingMethod> methods, byte[] salt) {
    List<String> present = List.of(rows.columns());
    Map<String, MaskingMethod> applied = new LinkedHashMap<>();
    Dataset<Row> out = rows;
    for (var e : methods.entrySet()) {
      if (!present.contains(e.getKey())) {
        continue;
      }
      Masker masker = Masker.of(e.getValue(), salt);
      UserDefinedFunction udf =
          functions.udf((UDF1<String, String>) masker::apply, DataTypes.StringType);
      out =
          out.withColumn(
              e.getKey(),
              udf.apply(functions.col(PiiScan.quote(e.getKey())).cast(DataTypes.StringType)));
      applied.put(e.getKey(), e.getValue());
    }
    return new Result(out, applied);
  }

  /**
   * @param rows masked rows
   * @param masked column to method, for the columns that were masked
   */
  public record Result(Dataset<Row> rows, Map<String, MaskingMethod> masked) {}
}
