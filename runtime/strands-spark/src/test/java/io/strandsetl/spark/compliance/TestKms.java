package io.strandsetl.spark.compliance;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.parquet.crypto.KeyAccessDeniedException;
import org.apache.parquet.crypto.keytools.LocalWrapKmsClient;

/**
 * A key management service for tests (parquet-hadoop ships no in-memory KMS in its main jar): two
 * fixed 128-bit master keys, {@code kf} (footer) and {@code kc} (columns). Parquet wraps each
 * file's data keys with them locally (AES-GCM), as with a real KMS that hands out master keys.
 */
public final class TestKms extends LocalWrapKmsClient {
  static final Map<String, byte[]> KEYS =
      Map.of(
          "kf", "0123456789012345".getBytes(StandardCharsets.US_ASCII),
          "kc", "1234567890123450".getBytes(StandardCharsets.US_ASCII));

  @Override
  protected byte[] getMasterKeyFromServer(String keyIdentifier) throws KeyAccessDeniedException {
    byte[] key = KEYS.get(keyIdentifier);
    if (key == null) {
      throw new KeyAccessDeniedException("Unknown master key " + keyIdentifier);
    }
    return key.clone();
  }

  @Override
  protected void initializeInternal() {}
}
