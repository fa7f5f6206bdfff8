package dev.lambdalayer.maven;

import dev.lambdalayer.core.classpath.ClassPathSettings;
import dev.lambdalayer.core.job.ClassPathJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Proves at build time that Lambda will load the function: simulates Lambda's class path from the
 * zips {@code lambda:layer} wrote ({@code /var/task}, {@code /var/task/lib/*.jar}, then {@code
 * /opt/java/lib/*.jar}, after the JDK's and the Lambda runtime's own classes), and checks
 *
 * <ul>
 *   <li>that the {@code <handler>} exists and has a method Lambda can call;
 *   <li>that every class reachable from the handler through the bytecode is provided by something,
 *       listing each missing class with the chain of classes that reaches it;
 *   <li>that no library is there in two versions, and which jar wins where several carry the same
 *       class;
 *   <li>that classes loaded by a constant name ({@code Class.forName("a.B")}) are there, and that
 *       the providers named in {@code META-INF/services} for each reached service load;
 *   <li>what a flat class path changes against a shaded jar: service files in several jars, in
 *       loading order; services that need exactly one provider but have several (the AWS SDK's HTTP
 *       clients, {@code <singleProviderServices>}); every copy of resources read with {@code
 *       getResources}; the winner of other resources several jars carry.
 * </ul>
 *
 * Missing classes and providers, malformed class files, version conflicts and a bad handler fail
 * the build, each with its own fix; shadowed classes and extra providers are warnings. The findings
 * are written to {@code target/lambda/classpath.json}. Reads {@code build.json} and the zips of
 * {@code lambda:layer}, so it runs after it (phase {@code verify}). Everything about the zips
 * (layers, runtimes, shared layers) comes from {@code build.json}: this goal packages nothing, and
 * only the class-path check's own parameters apply to it.
 *
 * @since 0.1.0
 */
@Mojo(name = "classpath", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ClassPathMojo extends AbstractClassPathMojo {

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    ClassPathSettings settings = classPath().settings(outputDirectory.toPath());
    if (settings == null) {
      getLog().info("Skipping the class-path check: lambda.classpath.skip is set.");
      return;
    }
    ClassPathJob.Outcome outcome;
    try {
      outcome = ClassPathJob.run(outputDirectory.toPath(), layerDescriptorFile(), settings);
    } catch (ClassPathJob.NotPackagedException e) {
      throw new MojoExecutionException(
          e.buildReport()
              + " does not exist: lambda:classpath checks the zips that lambda:layer writes. Run"
              + " lambda:layer first, e.g. 'mvn package lambda:classpath' with the layer goal"
              + " bound to package, or 'mvn package lambda:layer lambda:classpath'.");
    }
    if (outcome instanceof ClassPathJob.Checked checked) {
      sayWhereTheInputCameFrom(checked.report().runtime());
      classPath().render(checked.report(), outputDirectory.toPath(), getLog());
    } else {
      // A layer project: its functions check its libraries, with their own classes.
      getLog()
          .info(
              "Layer project: no function to check. Each function that uses this layer checks"
                  + " it in its own lambda:classpath.");
    }
  }

  /**
   * Alone, the goal checks what the last {@code lambda:layer} recorded, runtimes included: it says
   * so, and warns when the POM changed after that, since the zips and runtimes may then be stale.
   */
  private void sayWhereTheInputCameFrom(String runtime) throws IOException {
    Path buildJson = outputDirectory.toPath().resolve("build.json");
    getLog()
        .info(
            "Checking the zips and the runtime ("
                + (runtime == null ? "none set" : runtime)
                + ") that "
                + buildJson
                + " records, written by lambda:layer at "
                + Files.getLastModifiedTime(buildJson)
                + ".");
    File pom = project == null ? null : project.getFile();
    if (pom != null
        && pom.isFile()
        && Files.getLastModifiedTime(pom.toPath()).compareTo(Files.getLastModifiedTime(buildJson))
            > 0) {
      getLog()
          .warn(
              pom
                  + " changed after lambda:layer wrote "
                  + buildJson
                  + ": the zips, <runtimes> and layer rules checked here may be stale. Run 'mvn"
                  + " package' (with the layer goal bound) or 'mvn package lambda:layer' first.");
    }
  }
}
