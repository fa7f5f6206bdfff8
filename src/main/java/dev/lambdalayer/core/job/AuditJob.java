package dev.lambdalayer.core.job;

import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.AuditReportWriter;
import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.lock.LockfileService;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.port.CodeReader;
import dev.lambdalayer.core.port.LayerVersionReader;
import dev.lambdalayer.core.promote.EnvironmentAudit;
import dev.lambdalayer.core.publish.AttachedLayerVerifier;
import dev.lambdalayer.core.publish.PublishSettings;
import dev.lambdalayer.core.publish.RemoteAudit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code lambda:audit} as one job: compares the current graph with the lockfile and, when asked,
 * the lockfile with AWS (read-only), writes the reports, and decides whether the build fails.
 */
public final class AuditJob {

  /**
   * What to audit.
   *
   * @param packaging the current graph, as the zips would be planned from it
   * @param digests the jars' hashes; an audit hashes every jar afresh
   * @param lockfile the lockfile, and how the build tool names it
   * @param outputDirectory where {@code audit.json} and {@code audit-junit.xml} go, and where
   *     {@code build.json} names the function zip just built
   * @param remote what to compare the lockfile with in AWS; null for a local audit only
   * @param failOnDrift whether drift fails the build (errors always do)
   */
  public record Request(
      PackagingRequest packaging,
      FileDigestCache digests,
      LockfileInput lockfile,
      Path outputDirectory,
      Remote remote,
      boolean failOnDrift) {}

  /**
   * The lockfile, and how the build tool names it in findings.
   *
   * @param file the lockfile
   * @param name the lockfile as the user knows it, for the report
   * @param missingAdvice the finding when there is no lockfile, saying how to make one
   * @param problem how the build tool describes a lockfile it cannot read (its file, place and the
   *     setting that names it), for the report
   */
  public record LockfileInput(
      Path file, String name, String missingAdvice, Function<LockfileException, String> problem) {}

  /**
   * The remote audit's target.
   *
   * @param function the function to compare in every region (name or ARN); null for none
   * @param regions the configured regions for the function; none, the SDK's chain decides
   * @param aws how to reach AWS
   * @param environment the environment whose lockfile record is compared with AWS in place of the
   *     function check; null for none
   */
  public record Remote(String function, List<String> regions, AwsSettings aws, String environment) {

    public Remote {
      regions = List.copyOf(regions);
    }

    /** The flat settings' target, no environment. */
    public Remote(String function, List<String> regions, AwsSettings aws) {
      this(function, regions, aws, null);
    }
  }

  /** Whether the build goes on, and why not. */
  public enum Verdict {
    /** Nothing differs. */
    CLEAN,
    /** Drift, reported only ({@code failOnDrift} false). */
    DRIFT_REPORTED,
    /** Drift fails the build. */
    DRIFT,
    /** An integrity failure, a missing lockfile or a deleted layer version: fails always. */
    ERRORS,
    /** The lockfile cannot be read: fails with what is wrong with it. */
    LOCKFILE_UNREADABLE
  }

  /**
   * What the audit found.
   *
   * @param unreadable the lockfile's problem with {@link Verdict#LOCKFILE_UNREADABLE}, else null
   */
  public record Outcome(
      AuditReport report,
      Verdict verdict,
      LockfileException unreadable,
      String lockfileName,
      Path json,
      Path junit) {

    /** "n of m Lambda audit checks failed against ...:" and one line per finding. */
    public String summary() {
      return report.failedCheckCount()
          + " of "
          + report.checkCount()
          + " Lambda audit checks failed against "
          + lockfileName
          + ":\n"
          + String.join(
              "\n",
              report.findings().stream()
                  .map(
                      f ->
                          "  - "
                              + f.kind().id()
                              + " "
                              + f.subject()
                              + " ["
                              + f.check().id()
                              + "] "
                              + f.message())
                  .toList())
          + "\n";
    }

    /**
     * Whether a library's bytes are not the locked ones: only then does the checksum advice fit (a
     * missing lockfile's finding carries its own).
     */
    public boolean integrityErrors() {
      return has(AuditReport.Check.INTEGRITY);
    }

    private boolean has(AuditReport.Check check) {
      return report.findings().stream()
          .anyMatch(f -> f.severity() == AuditReport.Severity.ERROR && f.check() == check);
    }

    /** Whether an error came from AWS: a locked layer version that no longer exists, say. */
    public boolean remoteErrors() {
      return report.findings().stream()
          .anyMatch(
              f ->
                  f.severity() == AuditReport.Severity.ERROR
                      && (f.check() == AuditReport.Check.REMOTE_LAYERS
                          || f.check() == AuditReport.Check.REMOTE_SHARED_LAYERS
                          || f.check() == AuditReport.Check.REMOTE_FUNCTION));
    }
  }

  private final AwsPorts ports;
  private final JobLog log;

  public AuditJob(AwsPorts ports, JobLog log) {
    this.ports = ports;
    this.log = log;
  }

  /**
   * Audits and writes the reports; a lockfile that cannot be read is reported too, then named in
   * the outcome.
   *
   * @throws AwsCallException when credentials or the region are missing (every call would fail)
   * @throws InvalidConfigurationException when a function is to be compared but no region is known
   */
  public Outcome run(Request request) throws IOException {
    AuditReport report;
    LockfileException unreadable = null;
    try {
      LockfileService.AuditResult result =
          new LockfileService(request.digests())
              .audit(
                  request.packaging(),
                  request.lockfile().file(),
                  request.lockfile().name(),
                  request.lockfile().missingAdvice());
      report = result.report();
      result.warnings().forEach(log::warn);
      log.debug("Layer hashes learnt from: " + result.hashSources());
      if (request.remote() != null) {
        Optional<Lockfile> locked = LockfileCodec.read(request.lockfile().file());
        if (locked.isPresent()) {
          report = remoteAudit(request, report, locked.get());
        }
      }
    } catch (LockfileException e) {
      unreadable = e;
      report =
          AuditReport.lockfileProblem(
              request.lockfile().name(), request.lockfile().problem().apply(e));
    }
    AuditReportWriter.write(report, request.outputDirectory());
    return new Outcome(
        report,
        verdict(report, unreadable, request.failOnDrift()),
        unreadable,
        request.lockfile().name(),
        request.outputDirectory().resolve("audit.json"),
        request.outputDirectory().resolve("audit-junit.xml"));
  }

  private static Verdict verdict(
      AuditReport report, LockfileException unreadable, boolean failOnDrift) {
    if (unreadable != null) {
      return Verdict.LOCKFILE_UNREADABLE;
    }
    if (report.clean()) {
      return Verdict.CLEAN;
    }
    if (report.hasErrors()) {
      return Verdict.ERRORS;
    }
    return failOnDrift ? Verdict.DRIFT : Verdict.DRIFT_REPORTED;
  }

  /** The remote checks, through read-only ports: an audit never changes what it audits. */
  private AuditReport remoteAudit(Request request, AuditReport local, Lockfile locked)
      throws IOException {
    String environment = request.remote().environment();
    if (environment != null) {
      try (AwsSession aws = ports.open(request.remote().aws())) {
        return environmentAudit(
            local,
            locked,
            environment,
            request.remote().regions(),
            request.packaging().shared(),
            aws.layerVersions(),
            aws.code());
      }
    }
    RemoteAudit.FunctionTarget target = null;
    String function = request.remote().function();
    List<String> regions = List.of();
    if (function != null) {
      regions = ports.regions(request.remote().regions(), request.remote().aws());
      if (regions.isEmpty()) {
        throw new InvalidConfigurationException(
            PublishSettings.noRegion(
                "the remote audit of function '"
                    + function
                    + "' needs a region, and the AWS SDK found none"));
      }
      target =
          RemoteAudit.FunctionTarget.fromBuild(
              function, regions, request.outputDirectory().resolve("build.json"));
      if (target.codeSha256() == null) {
        log.warn(
            "Function '"
                + function
                + "': its code is not compared, as this build wrote no function zip (run"
                + " the audit after packaging, e.g. in the verify phase, to compare it).");
      }
    }
    List<AttachedLayerVerifier.AttachedLayer> shared =
        RemoteAudit.sharedLayerVersions(request.packaging().shared(), regions);
    try (AwsSession aws = ports.open(request.remote().aws())) {
      return new RemoteAudit(aws.layerVersions(), target == null ? null : aws.functions())
          .audit(local, locked, target, shared);
    }
  }

  /**
   * The remote audit of one environment: only its own records, since the top-level published
   * records hold whichever environment published last, maybe in another account. Its layer versions
   * are checked by {@link EnvironmentAudit}, the shared layers against their descriptors in its
   * regions.
   *
   * @param regions the environment's regions; none, every recorded region
   */
  static AuditReport environmentAudit(
      AuditReport local,
      Lockfile locked,
      String environment,
      List<String> regions,
      SharedLayerSettings sharedLayers,
      LayerVersionReader layerVersions,
      CodeReader code) {
    List<String> recorded =
        locked.environment(environment).stream()
            .map(Lockfile.Deployment::region)
            .filter(r -> regions.isEmpty() || regions.contains(r))
            .distinct()
            .toList();
    List<AttachedLayerVerifier.AttachedLayer> shared =
        recorded.isEmpty() ? List.of() : RemoteAudit.sharedLayerVersions(sharedLayers, recorded);
    AuditReport layers =
        new RemoteAudit(layerVersions, null).audit(local, withoutPublished(locked), null, shared);
    return EnvironmentAudit.audit(layers, locked, environment, regions, code);
  }

  /** {@code locked} without its top-level published records, which no environment owns. */
  private static Lockfile withoutPublished(Lockfile locked) {
    return new Lockfile(
        locked.lockfileVersion(),
        locked.project(),
        locked.outputTimestamp(),
        locked.zipFormat(),
        locked.layers().stream()
            .map(
                l ->
                    new Lockfile.Layer(
                        l.name(),
                        l.runtimes(),
                        l.architectures(),
                        l.sha256(),
                        l.codeSha256(),
                        l.libraries(),
                        List.of()))
            .toList(),
        locked.function(),
        locked.sharedLayers(),
        locked.environments());
  }
}
