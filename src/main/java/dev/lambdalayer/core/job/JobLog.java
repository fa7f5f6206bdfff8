package dev.lambdalayer.core.job;

/**
 * Where a job reports progress while it runs (a publish or prune takes minutes, so its lines go out
 * as they happen); the build tool's log behind it.
 */
public interface JobLog {

  void info(String line);

  void warn(String line);

  /** Detail for {@code mvn -X}; dropped by default. */
  default void debug(String line) {}
}
