/** The {@code strands} command line. */
package io.strandsetl.cli;
