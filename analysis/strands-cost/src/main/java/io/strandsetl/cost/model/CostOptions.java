package io.strandsetl.cost.model;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.LocalDate;
import java.util.List;

/**
 * How to price a run besides what it measured.
 *
 * @param platform the platform the run is (or will be) billed on; its estimate becomes the run's
 *     {@code CostBreakdown}
 * @param usageDate the UTC day of the run; prices effective on that day are used
 * @param ai language-model tokens to add, may be empty
 * @param storageMonths months the written output is assumed kept on S3 Standard (0 = not priced)
 * @param getRequests S3 GET requests, 0 when unknown (then not priced, as Infracost does)
 * @param internetEgressBytes bytes sent out to the internet
 * @param interRegionBytes bytes sent to another region
 * @param interAzBytes bytes crossing availability zones (charged each way: counted twice)
 * @param emrStartupSeconds cluster start-up seconds billed on EMR on EC2 (0 = not added)
 * @param glueWorkerType worker type the run uses on Glue, null to derive it from executor cores
 */
public record CostOptions(
    Platform platform,
    LocalDate usageDate,
    List<AiUsage> ai,
    double storageMonths,
    long getRequests,
    long internetEgressBytes,
    long interRegionBytes,
    long interAzBytes,
    double emrStartupSeconds,
    String glueWorkerType) {

  public CostOptions {
    if (platform == null) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid cost options: no platform");
    }
    if (usageDate == null) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid cost options: no usage date");
    }
    ai = ai == null ? List.of() : List.copyOf(ai);
    if (!(storageMonths >= 0)
        || getRequests < 0
        || internetEgressBytes < 0
        || interRegionBytes < 0
        || interAzBytes < 0
        || !(emrStartupSeconds >= 0)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid cost options: negative amounts are not allowed");
    }
  }

  /** Defaults: output kept one month on S3, no AI, no cross-boundary traffic, no EMR start-up. */
  public static CostOptions of(Platform platform, LocalDate usageDate) {
    return new CostOptions(platform, usageDate, List.of(), 1, 0, 0, 0, 0, 0, null);
  }

  public CostOptions withAi(List<AiUsage> tokens) {
    return new CostOptions(
        platform,
        usageDate,
        tokens,
        storageMonths,
        getRequests,
        internetEgressBytes,
        interRegionBytes,
        interAzBytes,
        emrStartupSeconds,
        glueWorkerType);
  }

  public CostOptions withStorageMonths(double months) {
    return new CostOptions(
        platform,
        usageDate,
        ai,
        months,
        getRequests,
        internetEgressBytes,
        interRegionBytes,
        interAzBytes,
        emrStartupSeconds,
        glueWorkerType);
  }

  public CostOptions withNetwork(long egress, long interRegion, long interAz) {
    return new CostOptions(
        platform,
        usageDate,
        ai,
        storageMonths,
        getRequests,
        egress,
        interRegion,
        interAz,
        emrStartupSeconds,
        glueWorkerType);
  }

  public CostOptions withEmrStartupSeconds(double seconds) {
    return new CostOptions(
        platform,
        usageDate,
        ai,
        storageMonths,
        getRequests,
        internetEgressBytes,
        interRegionBytes,
        interAzBytes,
        seconds,
        glueWorkerType);
  }

  public CostOptions withGlueWorkerType(String workerType) {
    return new CostOptions(
        platform,
        usageDate,
        ai,
        storageMonths,
        getRequests,
        internetEgressBytes,
        interRegionBytes,
        interAzBytes,
        emrStartupSeconds,
        workerType);
  }

  public CostOptions withPlatform(Platform other) {
    return new CostOptions(
        other,
        usageDate,
        ai,
        storageMonths,
        getRequests,
        internetEgressBytes,
        interRegionBytes,
        interAzBytes,
        emrStartupSeconds,
        glueWorkerType);
  }
}
