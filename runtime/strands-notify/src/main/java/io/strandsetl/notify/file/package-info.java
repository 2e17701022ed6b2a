/** The {@code file} sender: messages as {@code .eml} files, for demos and machines without mail. */
package io.strandsetl.notify.file;
