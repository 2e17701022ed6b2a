/** Placeholder until the first class lands. */
package io.strandsetl.eventlog;
