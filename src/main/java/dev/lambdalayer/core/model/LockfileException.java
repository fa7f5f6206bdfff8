package dev.lambdalayer.core.model;

import java.nio.file.Path;

/**
 * A lockfile that cannot be used: not JSON, a value of the wrong type, or a format newer than this
 * plugin reads. Carries the file and the place, so the build tool can tell the user what to do.
 */
public final class LockfileException extends RuntimeException {

  /** Why the file cannot be used; decides the advice given to the user. */
  public enum Reason {
    /** Not JSON, or not the lockfile's structure: restore or regenerate it. */
    MALFORMED,
    /** Written by a newer plugin: upgrade the plugin. */
    NEWER_VERSION
  }

  private final Path file;
  private final String location;
  private final String problem;
  private final Reason reason;

  public LockfileException(Path file, String location, String problem, Reason reason) {
    super(file + ": " + location + ": " + problem);
    this.file = file;
    this.location = location;
    this.problem = problem;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  /** For example {@code line 12, column 7 ($.layers[0].sha256)}. */
  public String location() {
    return location;
  }

  public String problem() {
    return problem;
  }

  public Reason reason() {
    return reason;
  }
}
