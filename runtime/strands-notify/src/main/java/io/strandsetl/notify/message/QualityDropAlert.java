package io.strandsetl.notify.message;

import io.strandsetl.model.store.QualityScores;
import java.util.Objects;

/**
 * A run's data quality dropped against its previous runs.
 *
 * @param jobName the job
 * @param executionId the run; its dashboard page is linked
 * @param dataset the dataset whose quality dropped (a sink name)
 * @param baseline scores the run is compared with (previous run or trailing average)
 * @param current this run's scores
 */
public record QualityDropAlert(
    String jobName,
    String executionId,
    String dataset,
    QualityScores baseline,
    QualityScores current)
    implements Alert {
  public QualityDropAlert {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
  }

  @Override
  public String key() {
    return "quality-drop/" + executionId + "/" + dataset;
  }
}
