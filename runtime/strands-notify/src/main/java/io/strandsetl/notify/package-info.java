/**
 * E-mail notifications after every run and for alerts.
 *
 * <p>Entry point for callers: {@link io.strandsetl.notify.Notifier} (render, address, store in the
 * outbox, send, drain). Parts: {@code message} renders text + HTML from an execution record, {@code
 * outbox} keeps every message in an SQLite file until a sender accepted it, and the senders ({@code
 * smtp}, {@code ses}, {@code file}) are found by {@link java.util.ServiceLoader} through {@link
 * io.strandsetl.notify.EmailSenderFactory}.
 */
package io.strandsetl.notify;
