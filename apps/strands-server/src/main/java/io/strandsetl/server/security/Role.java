package io.strandsetl.server.security;

/** What a caller may do: viewers read, admins also write (resolve issues, export the audit). */
public enum Role {
  VIEWER,
  ADMIN;

  public boolean canWrite() {
    return this == ADMIN;
  }
}
