package io.strandsetl.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.run.RunAnalysis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.SnappyFramedOutputStream;
import org.xerial.snappy.SnappyOutputStream;

class CodecTest {
  private static byte[] plain;
  private static RunAnalysis expected;
  @TempDir Path dir;

  @BeforeAll
  static void readPlainOnce(@TempDir Path tmp) {
    plain = TestLogs.realPlainLog();
    expected = EventLogReader.withDefaults().read(TestLogs.write(tmp.resolve("plain-log"), plain));
    assertThat(expected.metrics().tasks()).isPositive();
  }

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(byte[] data, Compressor compressor) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = compressor.wrap(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private void assertReadsLikePlain(String fileName, byte[] content, String format) {
    // The name carries no codec suffix: detection must come from the magic bytes.
    RunAnalysis run =
        EventLogReader.withDefaults().read(TestLogs.write(dir.resolve(fileName), content));
    assertThat(run.diagnostics().format()).isEqualTo(format);
    assertThat(run.metrics()).isEqualTo(expected.metrics());
    assertThat(run.stages()).isEqualTo(expected.stages());
    assertThat(run.sql()).isEqualTo(expected.sql());
  }

  @Test
  void readsGzipByMagicBytes() throws IOException {
    assertReadsLikePlain("log-a", compress(plain, GZIPOutputStream::new), "gzip");
  }

  @Test
  void readsZstdWithSeveralFrames() throws IOException {
    int half = plain.length / 2;
    while (plain[half - 1] != '\n') {
      half++;
    }
    byte[] first = compress(Arrays.copyOfRange(plain, 0, half), ZstdOutputStream::new);
    byte[] second = compress(Arrays.copyOfRange(plain, half, plain.length), ZstdOutputStream::new);
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    assertReadsLikePlain("log-b", both, "zstd");
  }

  @Test
  void readsSparkLz4BlockFraming() throws IOException {
    // Spark's LZ4CompressionCodec: LZ4BlockOutputStream with a 32 KiB block.
    assertReadsLikePlain(
        "log-c", compress(plain, out -> new LZ4BlockOutputStream(out, 32 * 1024)), "lz4");
  }

  @Test
  void readsSparkSnappyStream() throws IOException {
    // Spark's SnappyCompressionCodec: snappy-java's SnappyOutputStream with a 32 KiB block.
    assertReadsLikePlain(
        "log-d", compress(plain, out -> new SnappyOutputStream(out, 32 * 1024)), "snappy");
  }

  @Test
  void readsSnappyFramedFormat() throws IOException {
    assertReadsLikePlain("log-e", compress(plain, SnappyFramedOutputStream::new), "snappy-framed");
  }

  @Test
  void refusesLzfWithAClearUserError() {
    Path lzf =
        TestLogs.write(
            dir.resolve("app.lzf"), new byte[] {'Z', 'V', 0, 0, 5, 'h', 'e', 'l', 'l', 'o'});
    assertThatThrownBy(() -> EventLogReader.withDefaults().read(lzf))
        .isInstanceOfSatisfying(
            StrandsException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG);
              assertThat(e.kind()).isEqualTo(io.strandsetl.model.ErrorKind.USER);
            })
        .hasMessageContaining("LZF compression is not supported")
        .hasMessageContaining(lzf.toString());
  }

  @Test
  void detectsLz4EvenWithAMisleadingExtension() throws IOException {
    assertReadsLikePlain(
        "app.zstd", compress(plain, out -> new LZ4BlockOutputStream(out, 64 * 1024)), "lz4");
  }
}
