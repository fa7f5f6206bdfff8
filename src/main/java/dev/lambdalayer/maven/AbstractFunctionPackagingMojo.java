package dev.lambdalayer.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of a goal that writes the function zip and runs the class-path check on it right
 * after packaging ({@code lambda:layer}): the classes to zip and the check's parameters. {@link
 * AbstractClassPathMojo} ({@code classpath}) and {@link AbstractDeployingMojo} ({@code publish})
 * declare the check's parameters again: Maven injects only fields of a Mojo's own class chain, and
 * no single chain gives every goal exactly the parameters it reads. {@code PluginDescriptorTest}
 * keeps the copies alike.
 */
public abstract class AbstractFunctionPackagingMojo extends AbstractPackagingMojo {

  /**
   * The project's compiled classes and resources, put at the root of the function zip.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  protected File classesDirectory;

  /**
   * The function's handler, as configured in Lambda: {@code com.example.Handler::handleRequest}, or
   * {@code com.example.Handler} for a class implementing {@code RequestHandler} or {@code
   * RequestStreamHandler}. Checked by {@code lambda:classpath}, which {@code lambda:layer} and
   * {@code lambda:publish} also run. Unset, the handler is not checked and classes are followed
   * from every class of the function zip's root instead. {@code lambda:invoke} calls it, and needs
   * it.
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

  /** The class-path check's parameters, read. */
  protected ClassPathParameters classPath() {
    return new ClassPathParameters(
        handler,
        allowedDuplicates,
        allowedMissing,
        singleProviderServices,
        failOnClassPathError,
        skipClasspath);
  }

  protected AbstractFunctionPackagingMojo(RuntimeGraphResolver resolver) {
    super(resolver);
  }
}
