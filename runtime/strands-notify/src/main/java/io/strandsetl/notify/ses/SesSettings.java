package io.strandsetl.notify.ses;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import java.net.URI;

/**
 * The {@code notify.ses.*} keys.
 *
 * @param region AWS region of the SES account, e.g. {@code eu-west-1}
 * @param endpoint endpoint override (a VPC endpoint, or a local fake in tests); null for AWS's own
 * @param accessKeyId static access key id; null to use the default AWS credential chain
 *     (environment, profile, instance or task role)
 * @param secretAccessKey the matching secret; printed as {@code ******}
 * @param timeoutMs timeout of one API call, milliseconds
 */
public record SesSettings(
    String region, URI endpoint, String accessKeyId, Secret secretAccessKey, int timeoutMs) {
  public static final int DEFAULT_TIMEOUT_MS = 30_000;

  public SesSettings {
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.ses.region: '"
              + region
              + "' (required when notify.type=ses, e.g. eu-west-1)");
    }
    if (endpoint != null
        && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.ses.endpoint: '" + endpoint + "' (expected an http or https URL)");
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.ses.access-key-id: '"
              + (accessKeyId == null ? "" : accessKeyId)
              + "' (notify.ses.access-key-id and notify.ses.secret-access-key go together)");
    }
    if (timeoutMs <= 0) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.ses.timeout-ms: '" + timeoutMs + "' (must be > 0)");
    }
  }

  public static SesSettings from(Settings settings) {
    URI endpoint =
        settings
            .string("notify.ses.endpoint")
            .filter(s -> !s.isBlank())
            .map(
                s -> {
                  try {
                    return URI.create(s.strip());
                  } catch (IllegalArgumentException e) {
                    throw new StrandsException(
                        ErrorCode.INVALID_CONFIG,
                        "Invalid notify.ses.endpoint: '" + s + "' (not a URL)");
                  }
                })
            .orElse(null);
    return new SesSettings(
        settings.string("notify.ses.region").map(String::strip).orElse(null),
        endpoint,
        settings.string("notify.ses.access-key-id").filter(s -> !s.isBlank()).orElse(null),
        settings.secret("notify.ses.secret-access-key").orElse(null),
        settings.getInt("notify.ses.timeout-ms", DEFAULT_TIMEOUT_MS));
  }
}
