package dev.lambdalayer.maven;

import dev.lambdalayer.core.BuildReportReader;
import dev.lambdalayer.core.ClassPathInput;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
 *       class.
 * </ul>
 *
 * Missing classes, version conflicts and a bad handler fail the build; shadowed classes are
 * warnings. The findings are written to {@code target/lambda/classpath.json}. Reads {@code
 * build.json} and the zips of {@code lambda:layer}, so it runs after it (phase {@code verify}).
 *
 * @since 0.1.0
 */
@Mojo(name = "classpath", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ClassPathMojo extends AbstractLambdaMojo {

  /**
   * The function's handler, as configured in Lambda: {@code com.example.Handler::handleRequest}, or
   * {@code com.example.Handler} for a class implementing {@code RequestHandler} or {@code
   * RequestStreamHandler}. Unset, the handler is not checked and classes are followed from every
   * class of the function zip's root instead.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.handler")
  private String handler;

  /**
   * Classes whose copies in several jars are not reported, as class names ({@code com.foo.Bar}),
   * packages ({@code com.foo.*}) or package trees ({@code com.foo.**}). {@code module-info} and
   * {@code META-INF/versions/**} are never reported. On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.allowedDuplicates")
  private List<String> allowedDuplicates = new ArrayList<>();

  /**
   * Classes that may be referenced without anything providing them, for optional libraries that the
   * code only uses when present; same syntax as {@code <allowedDuplicates>}. Always allowed: the
   * AWS Common Runtime ({@code software.amazon.awssdk.crt.**}, {@code
   * software.amazon.awssdk.crtcore.**}), SLF4J 1.x bindings ({@code org.slf4j.impl.*}), Commons
   * Logging's optional back ends and Netty's optional native and compression libraries. Allowed
   * classes are still listed in {@code classpath.json}. On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.allowedMissing")
  private List<String> allowedMissing = new ArrayList<>();

  /**
   * Fail the build on errors (a bad handler, missing classes, a library in two versions, classes
   * too new for the runtime). With {@code false} they are logged and reported only.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.classpath.failOnError", defaultValue = "true")
  private boolean failOnError;

  /**
   * Skips the class-path check only (the other goals still run).
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.classpath.skip", defaultValue = "false")
  private boolean skipClasspath;

  /**
   * Where {@code lambda:layer} wrote the zips and {@code build.json}; {@code classpath.json} is
   * written there too.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.outputDirectory",
      defaultValue = "${project.build.directory}/lambda",
      required = true)
  private File outputDirectory;

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    if (skipClasspath) {
      getLog().info("Skipping the class-path check: lambda.classpath.skip is set.");
      return;
    }
    Path out = outputDirectory.toPath();
    Path buildJson = out.resolve("build.json");
    if (!Files.isRegularFile(buildJson)) {
      throw new MojoExecutionException(
          buildJson
              + " does not exist: lambda:classpath checks the zips that lambda:layer writes. Run"
              + " lambda:layer first, e.g. 'mvn package lambda:classpath' with the layer goal"
              + " bound to package, or 'mvn package lambda:layer lambda:classpath'.");
    }
    ClassPathInput input = BuildReportReader.read(buildJson);
    ClassPathVerification.verify(
        input,
        ClassPathVerification.settings(handler, allowedDuplicates, allowedMissing),
        out.resolve("classpath.json"),
        failOnError,
        getLog());
  }
}
