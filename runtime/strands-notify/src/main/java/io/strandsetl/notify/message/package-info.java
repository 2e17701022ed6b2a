/**
 * Message templates: {@link io.strandsetl.notify.message.MessageRenderer} turns a {@link
 * io.strandsetl.notify.message.RunNotice} or an {@link io.strandsetl.notify.message.Alert} into a
 * subject, a text/plain and a text/html body with the same content.
 */
package io.strandsetl.notify.message;
