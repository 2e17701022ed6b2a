package io.strandsetl.eventlog.codec;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.xerial.snappy.SnappyFramedInputStream;
import org.xerial.snappy.SnappyInputStream;

/**
 * Opens one event-log file as a stream of decompressed bytes whose total is bounded: reading past
 * {@code maxBytes} decompressed bytes fails with {@link ErrorCode#INPUT_TOO_LARGE}, so a
 * decompression bomb costs at most that much CPU and no memory.
 */
public final class DecodedInput extends InputStream {
  private static final int FILE_BUFFER_BYTES = 1 << 16;

  private final InputStream decoded;
  private final Path file;
  private final Codec codec;
  private final long maxBytes;
  private long produced;

  private DecodedInput(InputStream decoded, Path file, Codec codec, long maxBytes) {
    this.decoded = decoded;
    this.file = file;
    this.codec = codec;
    this.maxBytes = maxBytes;
  }

  /** Reads the first bytes of a file and tells its codec; an empty file is {@code UNKNOWN}. */
  public static Codec sniff(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = new byte[Codec.MAGIC_BYTES];
      int n = in.readNBytes(head, 0, head.length);
      return Codec.detect(head, n);
    } catch (NoSuchFileException e) {
      throw new StrandsException(
          ErrorCode.PATH_NOT_FOUND,
          "Cannot read event log: " + file + " does not exist (check the path)");
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot read event log " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a file, choosing the decoder from its magic bytes.
   *
   * @param file the file
   * @param maxBytes most decompressed bytes allowed from this file
   * @throws StrandsException NOT_AN_EVENT_LOG for an empty, unknown or LZF file
   */
  public static DecodedInput open(Path file, long maxBytes) {
    Codec codec = sniff(file);
    InputStream raw = null;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), FILE_BUFFER_BYTES);
      InputStream decoded =
          switch (codec) {
            case PLAIN -> raw;
            case GZIP -> new GZIPInputStream(raw, FILE_BUFFER_BYTES);
            case ZSTD -> new ZstdInputStreamNoFinalizer(raw);
            case LZ4 -> new Lz4BlockInputStream(raw);
            case SNAPPY -> new SnappyInputStream(raw);
            case SNAPPY_FRAMED -> new SnappyFramedInputStream(raw);
            case LZF ->
                throw new StrandsException(
                    ErrorCode.NOT_AN_EVENT_LOG,
                    "Cannot read event log "
                        + file
                        + ": LZF compression is not supported (decompress it first, or set"
                        + " spark.eventLog.compression.codec=zstd)");
            case UNKNOWN ->
                throw new StrandsException(
                    ErrorCode.NOT_AN_EVENT_LOG,
                    "Invalid event log: "
                        + file
                        + " ("
                        + (Files.size(file) == 0
                            ? "the file is empty"
                            : "not JSON lines and no known compression")
                        + "; point at a Spark event log file or directory)");
          };
      return new DecodedInput(decoded, file, codec, maxBytes);
    } catch (IOException e) {
      closeQuietly(raw);
      throw new StrandsException(
          ErrorCode.NOT_AN_EVENT_LOG,
          "Invalid event log: "
              + file
              + " (corrupt "
              + codec.label()
              + " data: "
              + e.getMessage()
              + ")",
          e);
    } catch (RuntimeException e) {
      closeQuietly(raw);
      throw e;
    }
  }

  public Codec codec() {
    return codec;
  }

  public Path file() {
    return file;
  }

  /** Decompressed bytes produced so far. */
  public long produced() {
    return produced;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    int n = decoded.read(target, offset, length);
    if (n > 0) {
      produced += n;
      if (produced > maxBytes) {
        throw new StrandsException(
            ErrorCode.INPUT_TOO_LARGE,
            "Cannot read event log "
                + file
                + ": it decompresses to more than "
                + maxBytes
                + " bytes (limit from EventLogReaderOptions; raise it if the log is genuine)");
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    decoded.close();
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
