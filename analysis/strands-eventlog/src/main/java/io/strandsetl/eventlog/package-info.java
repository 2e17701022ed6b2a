/**
 * Streaming Spark event-log reader: {@link io.strandsetl.eventlog.EventLogSources} finds logs
 * (single files, rolling {@code eventlog_v2_*} directories, Databricks layout, attempts) and {@link
 * io.strandsetl.eventlog.EventLogReader} turns one into a {@link
 * io.strandsetl.model.run.RunAnalysis}. No Spark on the classpath.
 */
package io.strandsetl.eventlog;
