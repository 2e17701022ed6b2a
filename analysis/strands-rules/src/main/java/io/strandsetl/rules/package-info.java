/**
 * The detector registry: finds every {@link io.strandsetl.model.finding.DetectorFactory} on the
 * class path, creates detectors from {@link io.strandsetl.model.config.Settings} and runs them over
 * a run, isolating a detector that fails from the others.
 */
package io.strandsetl.rules;
