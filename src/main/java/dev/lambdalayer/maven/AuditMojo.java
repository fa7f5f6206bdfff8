package dev.lambdalayer.maven;

import dev.lambdalayer.core.AuditReport;
import dev.lambdalayer.core.AuditReportWriter;
import dev.lambdalayer.core.FileDigestCache;
import dev.lambdalayer.core.LambdaPackager;
import dev.lambdalayer.core.LockfileException;
import dev.lambdalayer.core.LockfileService;
import dev.lambdalayer.core.PackagingRequest;
import dev.lambdalayer.core.Setting;
import java.io.IOException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks, without network and without writing zips, that the layers and the function would hold
 * exactly what the lockfile records. Reports, per layer and for the function:
 *
 * <ul>
 *   <li><b>dependencies</b>: libraries added, removed, moved or changed in version;
 *   <li><b>integrity</b>: a library whose coordinates match the lockfile but whose SHA-256 does not
 *       (a swapped or re-published jar), always an error;
 *   <li><b>content</b>: a layer zip that would now have another SHA-256;
 *   <li><b>rules</b>: layers added, removed or renamed, runtimes or architectures changed.
 * </ul>
 *
 * The result is logged as a table grouped by layer and written to {@code target/lambda/audit.json}
 * and {@code target/lambda/audit-junit.xml} (JUnit XML, one test case per check and layer, so CI
 * shows drift as failed checks). Bind it to {@code verify} to gate CI.
 *
 * @since 0.1.0
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AuditMojo extends AbstractPackagingMojo {

  /**
   * Fail the build when the audit finds drift. With {@code false}, drift is only reported (log,
   * {@code audit.json}, JUnit XML); an integrity failure (a jar whose bytes are not the locked
   * ones) and a missing or unreadable lockfile fail the build either way.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.audit.failOnDrift", defaultValue = "true")
  private boolean failOnDrift;

  @Inject
  public AuditMojo(RuntimeGraphResolver resolver) {
    super(resolver);
  }

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    long start = System.nanoTime();
    Path reports = outputDirectory.toPath();
    AuditReport report;
    LockfileException unreadable = null;
    try {
      // Hash every jar afresh: a cache keyed by size and time would miss a jar swapped in place.
      FileDigestCache digests = FileDigestCache.load(null);
      PackagingRequest request = packagingRequest(digests, false);
      LockfileService.AuditResult result =
          new LockfileService(digests)
              .audit(
                  request,
                  lockfile.toPath(),
                  lockfileName(),
                  "there is no lockfile at "
                      + lockfile
                      + ": run mvn lambda:lock to create it from the current dependencies, then"
                      + " commit it");
      report = result.report();
      // Version skew against shared layers is not drift from the lockfile, but CI should see it.
      new LambdaPackager(digests)
          .prepare(request)
          .skews()
          .forEach(skew -> getLog().warn("Version skew: " + skew.message()));
      getLog().debug("Layer hashes learnt from: " + result.hashSources());
    } catch (LockfileException e) {
      unreadable = e;
      report = AuditReport.lockfileProblem(lockfileName(), SettingNames.describe(e));
    }
    AuditReportWriter.write(report, reports);

    getLog().info("Lambda audit against " + lockfileName() + ":");
    AuditReportWriter.table(report).forEach(line -> getLog().info("  " + line));
    getLog()
        .info(
            (report.checkCount() - report.failedCheckCount())
                + " of "
                + report.checkCount()
                + " checks passed; reports in "
                + reports.resolve("audit.json")
                + " and "
                + reports.resolve("audit-junit.xml"));
    getLog().debug("lambda:audit took " + (System.nanoTime() - start) / 1_000_000 + " ms");

    if (unreadable != null) {
      throw unreadable; // turned into the message that says what to do
    }
    if (report.clean()) {
      return;
    }
    String summary =
        report.failedCheckCount()
            + " of "
            + report.checkCount()
            + " Lambda audit checks failed against "
            + lockfileName()
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
    if (report.hasErrors()) {
      throw new MojoFailureException(
          summary
              + "An integrity failure or a missing lockfile fails the build even with "
              + SettingNames.of(Setting.AUDIT_FAIL_ON_DRIFT)
              + " false. For a checksum mismatch, find out where the jar came from before"
              + " trusting it: delete it from the local repository so Maven downloads it again,"
              + " and run mvn lambda:lock only if the new bytes are intended.");
    }
    String accept =
        "If the change is intended, accept it: run mvn lambda:lock and commit "
            + lockfileName()
            + ".";
    if (failOnDrift) {
      throw new MojoFailureException(
          summary
              + accept
              + " To report drift without failing, set "
              + SettingNames.of(Setting.AUDIT_FAIL_ON_DRIFT)
              + " to false.");
    }
    getLog().warn(summary + accept);
  }
}
