package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.LayerJob;
import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Plural;
import dev.lambdalayer.core.plan.BuildSummary;
import dev.lambdalayer.core.plan.BuiltZip;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Resolves the project's runtime dependencies, splits them into Lambda layers and a slim function,
 * and writes each as a reproducible zip under {@code target/lambda/}.
 *
 * <p>Layer zips hold {@code java/lib/*.jar}; the function zip holds the project's classes and
 * resources at its root and the jars no layer took under {@code lib/}. The zips are attached to the
 * project (classifiers {@code lambda-function} and {@code lambda-layer-<name>}), described in
 * {@code target/lambda/build.json}, and exposed as project properties ({@code
 * lambda.layer.<name>.sha256}, {@code .codeSha256}, {@code .file}; {@code lambda.function.*}).
 *
 * @since 0.1.0
 */
@Mojo(
    name = "layer",
    defaultPhase = LifecyclePhase.PACKAGE,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class LayerMojo extends AbstractFunctionPackagingMojo {

  /**
   * Attach the zips to the project, so that {@code install} and {@code deploy} carry them.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.attach", defaultValue = "true")
  private boolean attach;

  private final MavenProjectHelper projectHelper;

  @Inject
  public LayerMojo(RuntimeGraphResolver resolver, MavenProjectHelper projectHelper) {
    super(resolver);
    this.projectHelper = projectHelper;
  }

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    long start = System.nanoTime();
    Path out = outputDirectory.toPath();
    FileDigestCache digests = FileDigestCache.load(out.resolve(".state/file-digests.txt"));
    PackagingRequest request = packagingRequest(digests, classesDirectory);
    long resolved = System.nanoTime();
    LayerJob.Outcome outcome =
        new LayerJob(digests)
            .run(
                new LayerJob.Request(
                    request,
                    lockfile.toPath(),
                    lockfileName(),
                    layerProject ? null : classPath().settings(outputDirectory.toPath()),
                    layerProject ? layerProjectId() : null,
                    layerDescriptorFile()));
    PackagingResult result = outcome.result();
    ZipAttachments attachments = new ZipAttachments(project, projectHelper, attach);
    if (outcome.descriptor() != null) {
      attachments.layerProject(result, layerDescriptorFile());
      getLog().info(layerProjectLine(result.layers().get(0), outcome.descriptor()));
    } else {
      attachments.function(result);
      // Where the goal's time goes, for the benchmark's breakdown: Maven resolved the graph before
      // the goal started; hashing and the jar check run in parallel, so their times are summed
      // over threads and may exceed the wall-clock time of the graph step.
      getLog()
          .info(
              String.format(
                  Locale.ROOT,
                  "Lambda zips in %s (%d ms: graph of %s in %d ms (%s, checked"
                      + " jars in %d ms, over all threads), packaged in %d ms):",
                  out,
                  millis(resolved - start + outcome.packagingNanos()),
                  Plural.of(request.graph().artifacts().size(), "jar", "jars"),
                  millis(resolved - start),
                  digests.hashedBytes() == 0
                      ? "digests cached"
                      : "hashed "
                          + BuildSummary.bytes(digests.hashedBytes())
                          + " in "
                          + millis(digests.hashingNanos())
                          + " ms",
                  millis(digests.checkingNanos()),
                  millis(outcome.packagingNanos())));
      BuildSummary.lines(result).forEach(line -> getLog().info("  " + line));
      int libraries = result.function().libraries().size();
      if (result.function().zip().fileCount() <= libraries) {
        // A project without sources, or packaging pom without modules: a zip (22 bytes when
        // empty) that Lambda accepts and cannot run.
        getLog()
            .warn(
                "The function zip "
                    + result.function().zip().file().getFileName()
                    + (libraries == 0
                        ? " is empty: no classes in " + classesDirectory + " and no library"
                        : " holds only "
                            + libraries
                            + " libraries: no classes in "
                            + classesDirectory)
                    + " (packaging "
                    + project.getPackaging()
                    + "). Add the handler's sources under src/main/java, set"
                    + " <layerProject>true</layerProject> (-Dlambda.layerProject) for a project"
                    + " that only builds a layer, or <skip>true</skip> (-Dlambda.skip) here.");
      }
    }
    result.warnings().forEach(getLog()::warn);
    outcome.drift().ifPresent(this::warnOnDrift);
    if (outcome.descriptor() == null) {
      classPath().render(outcome.classPath(), out, getLog());
    }
  }

  private String layerProjectLine(BuiltZip layer, LayerDescriptor descriptor) {
    return String.format(
        Locale.ROOT,
        "Layer project: layer '%s' %s (%,d bytes, %d libraries, sha256 %s); descriptor %s with %s.",
        layer.name(),
        layer.zip().file(),
        layer.zip().zippedBytes(),
        layer.libraries().size(),
        layer.shortHash(),
        layerDescriptorFile(),
        descriptor.published().isEmpty()
            ? "no published version yet (run lambda:publish before install/deploy)"
            : "published versions in "
                + descriptor.published().stream().map(p -> p.region()).toList());
  }

  /**
   * Packaging is not the place to fail on drift (that is {@code lambda:audit}'s job in CI), nor to
   * rewrite the lockfile behind the user's back (that is {@code lambda:lock}'s): a warning tells a
   * developer early that the next audit will fail.
   */
  private void warnOnDrift(AuditReport report) {
    getLog()
        .warn(
            "The zips differ from "
                + lockfileName()
                + " ("
                + Plural.of(report.findings().size(), "finding", "findings")
                + "); mvn lambda:audit fails until the change is accepted with mvn"
                + " lambda:lock and the lockfile is committed:");
    report.findings().stream()
        .limit(20)
        .forEach(f -> getLog().warn("  " + f.kind().id() + " " + f.subject() + ": " + f.message()));
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
