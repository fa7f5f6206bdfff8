package dev.lambdalayer.core.lock;

import java.util.List;

/**
 * The outcome of an audit: the subjects checked (layers, the function, the lockfile itself), the
 * checks run on each, and what they found. Local checks fill it; remote ones (lockfile against AWS,
 * functions against the lockfile) add their own {@link Check}s to the same subjects through {@link
 * #with}.
 *
 * @param lockfile the lockfile's name as the user knows it, for messages
 */
public record AuditReport(String lockfile, List<Subject> subjects, List<Finding> findings) {

  public AuditReport {
    subjects = List.copyOf(subjects);
    findings = List.copyOf(findings);
  }

  /** What a finding is about. */
  public enum Kind {
    LAYER,
    FUNCTION,
    LOCKFILE;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One kind of comparison; its id names the check in reports. */
  public enum Check {
    LOCKFILE("lockfile"),
    RULES("rules"),
    DEPENDENCIES("dependencies"),
    INTEGRITY("integrity"),
    CONTENT("content"),
    /**
     * The layers of other projects the function uses ({@code sharedLayers}): added, removed,
     * another version, or other content under the same version.
     */
    SHARED_LAYERS("shared-layers"),
    /** Each locked published layer version against what {@code GetLayerVersion} reports. */
    REMOTE_LAYERS("remote-layers"),
    /**
     * Each shared layer's published version, as its descriptor names it, against what {@code
     * GetLayerVersionByArn} reports.
     */
    REMOTE_SHARED_LAYERS("remote-shared-layers"),
    /** A deployed function's layer list and code against the lockfile and the built zip. */
    REMOTE_FUNCTION("remote-function");

    private final String id;

    Check(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * How bad a finding is: an {@code ERROR} (a lockfile that cannot be used, a library whose bytes
   * are not the locked ones) always fails the audit; {@code DRIFT} fails it unless the user asked
   * for a report only.
   */
  public enum Severity {
    ERROR,
    DRIFT
  }

  /** A layer, the function or the lockfile, with the checks run on it. */
  public record Subject(Kind kind, String name, List<Check> checks) {
    public Subject {
      checks = List.copyOf(checks);
    }
  }

  /** One difference, named so a person can act on it. */
  public record Finding(
      Check check, Kind kind, String subject, Severity severity, String message) {}

  /** A report with the single finding that there is no usable lockfile. */
  public static AuditReport lockfileProblem(String lockfile, String message) {
    return new AuditReport(
        lockfile,
        List.of(new Subject(Kind.LOCKFILE, lockfile, List.of(Check.LOCKFILE))),
        List.of(new Finding(Check.LOCKFILE, Kind.LOCKFILE, lockfile, Severity.ERROR, message)));
  }

  /**
   * This report with more checks and findings: a subject already present (same kind and name) gets
   * the extra checks appended, a new one is added at the end.
   */
  public AuditReport with(List<Subject> more, List<Finding> moreFindings) {
    List<Subject> merged = new java.util.ArrayList<>(subjects);
    for (Subject extra : more) {
      int at = -1;
      for (int i = 0; i < merged.size(); i++) {
        Subject s = merged.get(i);
        if (s.kind() == extra.kind() && s.name().equals(extra.name())) {
          at = i;
        }
      }
      if (at < 0) {
        merged.add(extra);
        continue;
      }
      List<Check> checks = new java.util.ArrayList<>(merged.get(at).checks());
      extra.checks().stream().filter(c -> !checks.contains(c)).forEach(checks::add);
      merged.set(at, new Subject(extra.kind(), extra.name(), checks));
    }
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.addAll(moreFindings);
    return new AuditReport(lockfile, merged, all);
  }

  public List<Finding> findings(Subject subject, Check check) {
    return findings.stream()
        .filter(
            f ->
                f.kind() == subject.kind()
                    && f.subject().equals(subject.name())
                    && f.check() == check)
        .toList();
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  public boolean clean() {
    return findings.isEmpty();
  }

  public int checkCount() {
    return subjects.stream().mapToInt(s -> s.checks().size()).sum();
  }

  public int failedCheckCount() {
    return (int)
        subjects.stream()
            .flatMap(s -> s.checks().stream().filter(c -> !findings(s, c).isEmpty()))
            .count();
  }
}
