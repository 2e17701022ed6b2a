package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.EncryptionEvidence;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.SinkFormat;
import io.strandsetl.model.pipeline.SinkSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the tail of each Parquet data file to tell whether it is encrypted at rest, as the Parquet
 * format defines it (parquet-format Encryption.md): a file whose footer is encrypted ends with the
 * magic {@code PARE}; a file with a plaintext footer ends with {@code PAR1}, and when its columns
 * are encrypted the footer's {@code FileMetaData} carries {@code encryption_algorithm} (field 8)
 * and {@code footer_signing_key_metadata}. Only the last 8 bytes and the footer are read, never a
 * data page. Other formats cannot tell (storage-level encryption is invisible to a reader).
 */
public final class EncryptionInspection {
  static final String METHOD = "parquet-footer";
  private static final byte[] PLAIN = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED = "PARE".getBytes(StandardCharsets.US_ASCII);

  private EncryptionInspection() {}

  /** The staged rows of a sink, read back: their files. */
  static EncryptionEvidence ofStaged(SparkSession spark, SinkSpec sink, Dataset<Row> staged) {
    if (sink.format() != SinkFormat.PARQUET) {
      return EncryptionEvidence.notInspected();
    }
    List<Path> files = new ArrayList<>();
    for (String f : staged.inputFiles()) {
      files.add(new Path(f));
    }
    return ofFiles(spark.sparkContext().hadoopConfiguration(), files);
  }

  /** Every Parquet data file under {@code path} (recursively, skipping hidden and _ files). */
  public static EncryptionEvidence ofPath(SparkSession spark, String path, String format) {
    return ofPath(spark.sparkContext().hadoopConfiguration(), path, format);
  }

  /** As {@link #ofPath(SparkSession, String, String)} with a Hadoop configuration (no Spark). */
  public static EncryptionEvidence ofPath(Configuration conf, String path, String format) {
    if (!"parquet".equalsIgnoreCase(format)) {
      return EncryptionEvidence.notInspected();
    }
    List<Path> files = new ArrayList<>();
    try {
      Path root = new Path(path);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return EncryptionEvidence.notInspected();
      }
      RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        FileStatus st = it.next();
        if (dataFile(root, st.getPath())) {
          files.add(st.getPath());
        }
      }
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot list " + path + " for inspection: " + e.getMessage());
    }
    return ofFiles(conf, files);
  }

  private static boolean dataFile(Path root, Path p) {
    for (Path q = p; q != null && !q.equals(root); q = q.getParent()) {
      String n = q.getName();
      if (n.startsWith(".") || n.startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  static EncryptionEvidence ofFiles(Configuration conf, List<Path> files) {
    int encryptedFooter = 0;
    int plaintextFooter = 0;
    for (Path f : files) {
      switch (inspect(conf, f)) {
        case ENCRYPTED_FOOTER -> encryptedFooter++;
        case PLAINTEXT_FOOTER -> plaintextFooter++;
        case PLAINTEXT -> {}
      }
    }
    return new EncryptionEvidence(METHOD, files.size(), encryptedFooter, plaintextFooter);
  }

  enum FileEncryption {
    ENCRYPTED_FOOTER,
    PLAINTEXT_FOOTER,
    PLAINTEXT
  }

  /** One file: its magic, and for {@code PAR1} whether the footer declares an algorithm. */
  static FileEncryption inspect(Configuration conf, Path file) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      long length = fs.getFileStatus(file).getLen();
      if (length < 12) {
        throw new IOException("too short for Parquet (" + length + " bytes)");
      }
      try (FSDataInputStream in = fs.open(file)) {
        byte[] tail = new byte[8];
        in.readFully(length - 8, tail);
        byte[] magic = java.util.Arrays.copyOfRange(tail, 4, 8);
        if (java.util.Arrays.equals(magic, ENCRYPTED)) {
          return FileEncryption.ENCRYPTED_FOOTER;
        }
        if (!java.util.Arrays.equals(magic, PLAIN)) {
          throw new IOException("no Parquet magic at the end");
        }
        int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (footerLength <= 0 || footerLength > length - 12) {
          throw new IOException("invalid footer length " + footerLength);
        }
        byte[] footer = new byte[footerLength];
        in.readFully(length - 8 - footerLength, footer);
        // A signed plaintext footer has the nonce and tag after the struct; Thrift stops at the
        // struct's end, so the extra bytes are not read.
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
        return meta.isSetEncryption_algorithm()
            ? FileEncryption.PLAINTEXT_FOOTER
            : FileEncryption.PLAINTEXT;
      }
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot inspect Parquet footer of " + file + ": " + e.getMessage());
    }
  }
}
