package dev.lambdalayer.core.job;

import java.util.List;

/** Thrown when a publish must not start: what it would deploy is wrong, so nothing is called. */
public final class PublishRefusedException extends RuntimeException {

  /** Why the publish was refused. */
  public enum Reason {
    /** A function to deploy is configured, but the project is a layer project: no function zip. */
    LAYER_PROJECT_HAS_NO_FUNCTION,
    /** A jar's bytes differ from the locked ones under the same coordinates. */
    INTEGRITY_FAILURES,
    /**
     * A layer version the function would use does not exist or holds other content than the
     * lockfile or its descriptor records ({@code CodeSha256} read from AWS).
     */
    ATTACHED_LAYER_NOT_VERIFIED
  }

  private final Reason reason;
  private final List<String> problems;

  public PublishRefusedException(Reason reason, List<String> problems) {
    super(reason + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  /**
   * For {@link Reason#INTEGRITY_FAILURES}: each failure as {@code subject: message}; for {@link
   * Reason#ATTACHED_LAYER_NOT_VERIFIED}: each layer version, both hashes and the fix.
   */
  public List<String> problems() {
    return problems;
  }
}
