package dev.lambdalayer.maven;

import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.classpath.ClassPathSettings;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the class-path check and the output directory, declared once for {@code
 * classpath} and for the goals that run the check right after packaging ({@code layer}, {@code
 * publish}, through {@link AbstractPackagingMojo}). {@code lambda:classpath} extends this class
 * rather than {@link AbstractPackagingMojo}: it packages nothing (it reads back what {@code
 * lambda:layer} wrote to {@code build.json}), so the layer rules, runtimes and lockfile do not
 * concern it, and {@code mvn lambda:help -Ddetail -Dgoal=classpath} should not list them.
 */
public abstract class AbstractClassPathMojo extends AbstractLambdaMojo {

  /**
   * Where the zips, {@code build.json}, {@code classpath.json} and the audit reports are written.
   * {@code lambda:classpath} reads {@code build.json} and the zips from here.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.outputDirectory",
      defaultValue = "${project.build.directory}/lambda",
      required = true)
  protected File outputDirectory;

  /**
   * The function's handler, as configured in Lambda: {@code com.example.Handler::handleRequest}, or
   * {@code com.example.Handler} for a class implementing {@code RequestHandler} or {@code
   * RequestStreamHandler}. Checked by {@code lambda:classpath}, which {@code lambda:layer} and
   * {@code lambda:publish} also run. Unset, the handler is not checked and classes are followed
   * from every class of the function zip's root instead.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.handler")
  protected String handler;

  /**
   * Classes whose copies in several jars are not reported by the class-path check, as class names
   * ({@code com.foo.Bar}), packages ({@code com.foo.*}) or package trees ({@code com.foo.**}).
   * {@code module-info} and {@code META-INF/versions/**} are never reported. On the command line,
   * comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.allowedDuplicates")
  protected List<String> allowedDuplicates = new ArrayList<>();

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
  protected List<String> allowedMissing = new ArrayList<>();

  /**
   * Service interfaces ({@code com.example.spi.Codec}) that must have exactly one provider on the
   * class path, added to those the plugin knows (the AWS SDK v2's {@code
   * software.amazon.awssdk.http.SdkHttpService} and {@code
   * software.amazon.awssdk.http.async.SdkAsyncHttpService}, SLF4J 2's {@code
   * org.slf4j.spi.SLF4JServiceProvider}). When the {@code META-INF/services} files of the function
   * and layers name more than one provider, the check warns and names the jars. On the command
   * line, comma-separated.
   *
   * @since 0.2.0
   */
  @Parameter(property = "lambda.singleProviderServices")
  protected List<String> singleProviderServices = new ArrayList<>();

  /**
   * Fail the build on class-path errors (a bad handler, missing classes, missing service providers,
   * malformed class files, a library in two versions, classes too new for the runtime). With {@code
   * false} they are logged and reported only.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.classpath.failOnError", defaultValue = "true")
  protected boolean failOnClassPathError;

  /**
   * Skips the class-path check, in {@code lambda:classpath} and in the goals that run it after
   * packaging ({@code lambda:layer}, {@code lambda:publish}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.classpath.skip", defaultValue = "false")
  protected boolean skipClasspath;

  /**
   * Runs the class-path check on {@code input} (what was just packaged, or what {@code build.json}
   * describes), writing {@code classpath.json}, unless {@code <skipClasspath>} is set.
   */
  /** The check's settings; null when {@code <skipClasspath>} is set. */
  protected ClassPathSettings classPathSettings() {
    return skipClasspath
        ? null
        : ClassPathVerification.settings(
                handler, allowedDuplicates, allowedMissing, singleProviderServices)
            .withIndexCache(indexCache());
  }

  /** Where each jar's parsed classes are kept by SHA-256, next to the file digests. */
  private java.nio.file.Path indexCache() {
    return outputDirectory.toPath().resolve(".state/class-index");
  }

  /** Logs a report the core wrote, and fails on its errors when {@code <failOnError>} says so. */
  protected void renderClassPath(ClassPathReport report) throws MojoFailureException {
    if (report == null) {
      getLog().info("Skipping the class-path check: lambda.classpath.skip is set.");
      return;
    }
    ClassPathVerification.render(
        report, outputDirectory.toPath().resolve("classpath.json"), failOnClassPathError, getLog());
  }

  protected void verifyClassPath(ClassPathInput input) throws MojoFailureException, IOException {
    if (skipClasspath) {
      getLog().info("Skipping the class-path check: lambda.classpath.skip is set.");
      return;
    }
    ClassPathVerification.verify(
        input,
        ClassPathVerification.settings(
                handler, allowedDuplicates, allowedMissing, singleProviderServices)
            .withIndexCache(indexCache()),
        outputDirectory.toPath().resolve("classpath.json"),
        failOnClassPathError,
        getLog());
  }
}
