package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.AuditJob;
import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.AuditReportWriter;
import dev.lambdalayer.core.model.Environment;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.port.AwsPorts;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks, without network (unless asked to compare with AWS too) and without writing zips, that the
 * layers and the function would hold exactly what the lockfile records. Reports, per layer and for
 * the function:
 *
 * <ul>
 *   <li><b>dependencies</b>: libraries added, removed, moved or changed in version;
 *   <li><b>integrity</b>: a library whose coordinates match the lockfile but whose SHA-256 does not
 *       (a swapped or re-published jar), always an error;
 *   <li><b>content</b>: a layer zip that would now have another SHA-256;
 *   <li><b>rules</b>: layers added, removed or renamed, runtimes or architectures changed;
 *   <li><b>shared-layers</b> (with {@code <sharedLayers>}): a shared layer added or removed, at
 *       another version, or with other content under the same version.
 * </ul>
 *
 * With {@code -Dlambda.audit.remote=true} it also asks AWS (the same {@code <regions>}, {@code
 * <profile>} and {@code <endpoint>} as {@code lambda:publish}):
 *
 * <ul>
 *   <li><b>remote-layers</b>: every locked {@code published} layer version still exists and holds
 *       the locked {@code CodeSha256} (a deleted version is an error: functions referencing it can
 *       no longer be deployed);
 *   <li><b>remote-function</b>: with {@code <function>}, in each region, the function references
 *       the locked layer versions and runs the code of the function zip built in this build.
 * </ul>
 *
 * The result is logged as a table grouped by layer and written to {@code target/lambda/audit.json}
 * and {@code target/lambda/audit-junit.xml} (JUnit XML, one test case per check and layer, so CI
 * shows drift as failed checks). Bind it to {@code verify} to gate CI.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "audit",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class AuditMojo extends AbstractAwsMojo {

  /**
   * Fail the build when the audit finds drift. With {@code false}, drift is only reported (log,
   * {@code audit.json}, JUnit XML); an integrity failure (a jar whose bytes are not the locked
   * ones) and a missing or unreadable lockfile fail the build either way.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.audit.failOnDrift", defaultValue = "true")
  private boolean failOnDrift;

  /**
   * Also compare the lockfile with AWS: each locked published layer version with {@code
   * GetLayerVersion} ({@code CodeSha256}), and, with {@code <function>}, the function's layer
   * version ARNs and {@code CodeSha256} in each of {@code <regions>}. Needs the network and AWS
   * credentials (read-only: {@code lambda:GetLayerVersion}, {@code
   * lambda:GetFunctionConfiguration}); refused under {@code mvn -o}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.audit.remote", defaultValue = "false")
  private boolean remote;

  @Inject
  public AuditMojo(RuntimeGraphResolver resolver, AwsPorts ports) {
    super(resolver, ports);
  }

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    long start = System.nanoTime();
    if (remote && session.isOffline()) {
      throw new MojoFailureException(
          JobMessages.offline(
              "lambda:audit with -Dlambda.audit.remote=true",
              "",
              ", or without -Dlambda.audit.remote to audit only against the local dependencies"));
    }
    // Hash every jar afresh: a cache keyed by size and time would miss a jar swapped in place.
    FileDigestCache digests = FileDigestCache.load(null);
    AuditJob.Outcome outcome = new AuditJob(ports, jobLog()).run(auditRequest(digests));
    AuditReport report = outcome.report();
    getLog().info("Lambda audit against " + lockfileName() + ":");
    AuditReportWriter.table(report).forEach(line -> getLog().info("  " + line));
    getLog()
        .info(
            (report.checkCount() - report.failedCheckCount())
                + " of "
                + report.checkCount()
                + " checks passed; reports in "
                + outcome.json()
                + " and "
                + outcome.junit());
    getLog().debug("lambda:audit took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    switch (outcome.verdict()) {
      case CLEAN -> {}
      case LOCKFILE_UNREADABLE -> throw outcome.unreadable(); // named by AbstractLambdaMojo
      case ERRORS ->
          throw new MojoFailureException(
              JobMessages.auditErrors(outcome, lockfileName()) + environmentAdvice());
      case DRIFT ->
          throw new MojoFailureException(
              JobMessages.auditDrift(outcome, lockfileName()) + environmentAdvice());
      case DRIFT_REPORTED ->
          getLog()
              .warn(
                  outcome.summary()
                      + JobMessages.acceptDrift(lockfileName())
                      + environmentAdvice());
    }
  }

  /** With an environment, what to do when it no longer runs what its record says. */
  private String environmentAdvice() {
    Environment selected = remote ? selectedEnvironment() : null;
    return selected == null
        ? ""
        : " If environment '"
            + selected.name()
            + "' no longer runs what the lockfile records, publish to it again (mvn package"
            + " lambda:publish -Dlambda.environment="
            + selected.name()
            + ") or promote to it, and commit "
            + lockfileName()
            + ".";
  }

  private AuditJob.Request auditRequest(FileDigestCache digests)
      throws MojoExecutionException, IOException {
    AwsParameters aws = aws();
    return new AuditJob.Request(
        packagingRequest(digests, null),
        digests,
        new AuditJob.LockfileInput(
            lockfile.toPath(),
            lockfileName(),
            "there is no lockfile at "
                + lockfile
                + ": run mvn lambda:lock to create it from the current dependencies, then commit it",
            SettingNames::describe),
        outputDirectory.toPath(),
        remote
            ? new AuditJob.Remote(
                aws.functionName(), aws.configuredRegions(), aws.settings(), aws.environment())
            : null,
        failOnDrift);
  }
}
