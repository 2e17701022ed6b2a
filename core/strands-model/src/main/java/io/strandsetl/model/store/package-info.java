/**
 * The tracking store: the records of the six tracking tables ({@code job_executions}, {@code
 * agent_invocations}, {@code issue_registry}, {@code cost_trends}, {@code data_quality_history},
 * {@code compliance_audit}) and the {@link io.strandsetl.model.store.TrackingStore} SPI that every
 * backend (in-memory, SQLite, PostgreSQL) implements. All instants are UTC; day and month rollups
 * are UTC calendar periods.
 */
package io.strandsetl.model.store;
