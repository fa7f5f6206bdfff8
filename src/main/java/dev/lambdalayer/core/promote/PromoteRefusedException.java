package dev.lambdalayer.core.promote;

import java.util.List;

/** Thrown when a promotion must not go on: what it would deploy is not what the source runs. */
public final class PromoteRefusedException extends RuntimeException {

  /** Why the promotion was refused. */
  public enum Reason {
    /** The lockfile records nothing the source environment runs. */
    NO_RECORD,
    /** The source environment in AWS is not what the lockfile records. */
    RECORD_DISAGREES,
    /** A zip's SHA-256 is not the CodeSha256 it must have. */
    HASH_MISMATCH,
    /** The source runs a function, the target names none. */
    NO_TARGET_FUNCTION,
    /** Source and target are the same environment. */
    SAME_ENVIRONMENT,
    /** A zip over the 50 MB direct-upload limit: promotion uploads inline only. */
    TOO_LARGE,
    /** A layer the project does not own is in another region than the target. */
    FOREIGN_LAYER_OTHER_REGION,
    /** A target layer version does not hold the promoted content; the function was not changed. */
    TARGET_LAYER_NOT_VERIFIED
  }

  private final Reason reason;
  private final List<String> problems;

  public PromoteRefusedException(Reason reason, List<String> problems) {
    super(reason + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  /** Each problem in one sentence. */
  public List<String> problems() {
    return problems;
  }
}
