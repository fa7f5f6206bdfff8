package dev.lambdalayer.maven;

import dev.lambdalayer.core.compare.NotAnArchiveException;
import dev.lambdalayer.core.job.CompareJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the shaded jar or assembly zip a function is deployed as today with the zips {@code
 * lambda:layer} wrote, as Lambda's class loader would see each: libraries added, removed or at
 * another version; classes and resources whose winning copy changes; service files ({@code
 * META-INF/services}) whose providers change; resources read with {@code getResources} (the AWS
 * SDK's {@code execution.interceptors}, {@code META-INF/spring.factories}) whose copies differ.
 * Writes {@code target/lambda/compare.json} and logs a summary; it never fails the build on a
 * difference.
 *
 * <p>Run it after {@code lambda:layer}, for example {@code mvn package lambda:compare
 * -Dlambda.compare.with=target/app.jar}; bound in an execution, it runs in {@code verify}.
 *
 * @since 0.2.0
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends AbstractLambdaMojo {

  /**
   * The shaded jar or zip the function is deployed as today, to compare the new zips with: a jar of
   * the maven-shade-plugin (everything at its root) or a zip with classes at its root and libraries
   * in {@code lib/}. Required.
   *
   * @since 0.2.0
   */
  @Parameter(property = "lambda.compare.with")
  protected File compareWith;

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    if (compareWith == null) {
      throw new MojoFailureException(
          "lambda:compare needs the artifact deployed today: set <compareWith> or"
              + " -Dlambda.compare.with to the shaded jar or assembly zip, e.g."
              + " -Dlambda.compare.with=target/app.jar");
    }
    Path with = compareWith.toPath();
    Path base =
        project != null && project.getBasedir() != null ? project.getBasedir().toPath() : null;
    String name =
        base != null && with.toAbsolutePath().startsWith(base.toAbsolutePath())
            ? base.toAbsolutePath().relativize(with.toAbsolutePath()).toString()
            : with.toString();
    try {
      CompareJob.run(outputDirectory.toPath(), with, name, new MavenJobLog(getLog()));
    } catch (CompareJob.NotPackagedException e) {
      throw new MojoExecutionException(
          e.buildReport()
              + " does not exist: lambda:compare compares the zips that lambda:layer writes. Run"
              + " lambda:layer first, e.g. 'mvn package lambda:layer lambda:compare"
              + " -Dlambda.compare.with="
              + name
              + "'.");
    } catch (NoSuchFileException e) {
      if (!with.toString().equals(e.getFile())) {
        throw e;
      }
      throw new MojoFailureException(
          "<compareWith> / -Dlambda.compare.with: "
              + with
              + " does not exist. Set it to the shaded jar or assembly zip the function is"
              + " deployed as today (build it first, e.g. with the maven-shade-plugin).");
    } catch (NotAnArchiveException e) {
      throw new MojoFailureException(
          "<compareWith> / -Dlambda.compare.with: "
              + e.getMessage()
              + ". Set it to the shaded jar or assembly zip the function is deployed as today.");
    }
  }
}
