/**
 * The persistent outbox: {@link io.strandsetl.notify.outbox.Outbox} stores each message in SQLite
 * before sending, retries with {@link io.strandsetl.notify.outbox.RetryPolicy} backoff and reports
 * each message's {@link io.strandsetl.notify.outbox.Delivery}.
 */
package io.strandsetl.notify.outbox;
