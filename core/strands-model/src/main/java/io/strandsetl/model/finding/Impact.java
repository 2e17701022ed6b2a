package io.strandsetl.model.finding;

/**
 * The estimated effect of fixing a finding. Estimates, stated with their basis in {@code
 * description}.
 *
 * @param timeSavedSeconds wall-clock or task seconds the fix would save (see description), null if
 *     not estimable
 * @param bytesAvoided bytes no longer read, shuffled, spilled or written, null if not applicable
 * @param coreSecondsSaved executor core-seconds saved (what compute cost is billed on), null if not
 *     estimable
 * @param costDriver what it drives in cost ("compute core-seconds", "S3 requests", …)
 * @param description how the estimate was made
 */
public record Impact(
    Double timeSavedSeconds,
    Long bytesAvoided,
    Double coreSecondsSaved,
    String costDriver,
    String description) {}
