/**
 * Benchmarks of the analysis path against a baseline measured in the same run (Spark's own
 * History-Server replay). Not tests: they print figures and never assert on wall-clock time.
 */
package io.strandsetl.bench;
