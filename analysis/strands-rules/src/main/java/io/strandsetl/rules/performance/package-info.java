/**
 * Performance detectors over an analysed Spark run. One file per detector, each with its nested
 * {@code Factory}, its typed thresholds ({@code detector.<id>.<key>}) and its documentation in
 * {@code docs/detectors.md}.
 */
package io.strandsetl.rules.performance;
