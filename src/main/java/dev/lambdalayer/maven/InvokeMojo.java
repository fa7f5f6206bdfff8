package dev.lambdalayer.maven;

import dev.lambdalayer.core.invoke.FunctionEnvironment;
import dev.lambdalayer.core.invoke.InvokeEvent;
import dev.lambdalayer.core.invoke.InvokeSettings;
import dev.lambdalayer.core.job.InvokeJob;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Runs the function locally as Lambda loads it, without Docker: unpacks the function zip and every
 * layer (own and shared) that {@code lambda:layer} wrote into {@code target/lambda/invoke/task} and
 * {@code .../opt}, starts a JVM of the runtime's Java release on Lambda's class path (the runtime's
 * own libraries, then the function's classes, its {@code lib/*.jar} and the layers' {@code
 * java/lib/*.jar}, each sorted by name), and invokes the {@code <handler>} through the real AWS
 * Lambda Java runtime interface client talking to a Lambda Runtime API that the plugin serves on
 * 127.0.0.1. Where the client's native part cannot load (macOS, Windows), an equivalent launcher
 * built on Lambda's serialization library runs instead; the log says which ran.
 *
 * <p>Prints the response (or the error payload) and writes it to {@code
 * target/lambda/invoke/response.json}, with the function's log lines, the init and invoke durations
 * and the peak memory. A function error fails the build unless {@code
 * -Dlambda.invoke.failOnError=false}. With a folder of events, the events run one after another in
 * one warm JVM, as Lambda reuses a sandbox. Reads {@code build.json} and the zips, so it runs after
 * packaging (phase {@code verify}, or {@code mvn package lambda:invoke}).
 *
 * @since 0.4.0
 */
@Mojo(name = "invoke", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class InvokeMojo extends AbstractLambdaMojo {

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
   * The event to invoke the function with: a JSON file, {@code -} to read it from standard input,
   * or a folder whose files are invoked one after another, in file-name order, in one warm JVM.
   * Relative to the project. Unset, the event is {@code {}}.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.event")
  protected String event;

  /**
   * Environment variables for the function, as in its Lambda configuration ({@code
   * <environmentVariables><TABLE_NAME>orders</TABLE_NAME></environmentVariables>}). Lambda's own
   * variables ({@code AWS_REGION}, {@code _HANDLER}, ...) are set by the plugin and cannot be given
   * here. Variables of your environment whose names start with {@code AWS_} (credentials, profile,
   * region) and proxy settings are passed through; their values are never logged. A map has no
   * command-line property.
   *
   * @since 0.4.0
   */
  @Parameter protected Map<String, String> environmentVariables = new LinkedHashMap<>();

  /**
   * The function's timeout in seconds, for each invocation: a handler still running then is stopped
   * with Lambda's {@code Task timed out} error. Also limits the wait for a debugger.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.invoke.timeout", defaultValue = "30")
  protected int timeout;

  /**
   * The function's memory in MB ({@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, {@code
   * Context.getMemoryLimitInMB()}); the JVM's maximum heap is 85% of it.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.invoke.memorySize", defaultValue = "512")
  protected int memorySize;

  /**
   * Fail the build when the function returns an error, fails to start or times out. With {@code
   * false} the error payload is printed and written to {@code response.json} only.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.invoke.failOnError", defaultValue = "true")
  protected boolean failOnInvokeError;

  /**
   * A port on which the function's JVM waits for a debugger (JDWP, suspended, 127.0.0.1) before the
   * runtime starts, e.g. {@code 5005}. The {@code <timeout>} still applies: raise it while you step
   * through. 0: no debugging.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.invoke.debug", defaultValue = "0")
  protected int debug;

  /**
   * Which runtime client runs the handler: {@code auto} (the AWS Lambda Java runtime interface
   * client where its native part loads, Linux x86_64 and arm64; else the launcher built on Lambda's
   * serialization library), {@code ric} or {@code serialization} to force one.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.invoke.client", defaultValue = "auto")
  protected String client;

  /**
   * The JDK to run the function with (its home folder). Unset, a {@code jdk} toolchain of the
   * runtime's Java release or newer from {@code ~/.m2/toolchains.xml}, else {@code JAVA_HOME}, else
   * the JDK running Maven, if its release is at least the runtime's (the oldest Java release among
   * {@code <runtimes>}, as the class-path check takes: {@code java21} needs Java 21).
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.invoke.jdk")
  protected File jdk;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  private final ToolchainManager toolchains;

  @Inject
  public InvokeMojo(ToolchainManager toolchains) {
    this.toolchains = toolchains;
  }

  @Override
  protected void doExecute()
      throws MojoExecutionException, MojoFailureException, IOException, InterruptedException {
    checkNumbers();
    Path out = outputDirectory.toPath();
    if (!Files.isRegularFile(out.resolve("build.json"))
        && Files.isRegularFile(layerDescriptorFile())) {
      // A layer project in a reactor: the functions that use the layer run it.
      getLog().info("Layer project: no function to invoke.");
      return;
    }
    if (!Files.isRegularFile(out.resolve("build.json"))) {
      throw new MojoExecutionException(
          out.resolve("build.json")
              + " does not exist: lambda:invoke runs the zips that lambda:layer writes. Run"
              + " 'mvn package lambda:invoke' with the layer goal bound to package.");
    }
    if (handler == null || handler.isBlank()) {
      throw new MojoFailureException(
          "lambda:invoke needs the handler to call: set "
              + SettingNames.of(Setting.HANDLER)
              + ", e.g. -Dlambda.handler=com.example.Handler::handleRequest.");
    }
    String runtime = InvokeRuntime.oldestRuntime(out.resolve("build.json"));
    int release = InvokeRuntime.release(runtime);
    InvokeRuntime.Jdk java =
        new InvokeJdks(toolchains, session, getLog()).find(release, runtime, jdk);
    InvokeRuntime launch = new InvokeRuntime(plugin, out.resolve("invoke"), java, client, getLog());
    List<InvokeEvent> events = InvokeEvents.read(event, project.getBasedir().toPath(), System.in);
    Map<String, String> passed = new TreeMap<>();
    System.getenv()
        .forEach(
            (name, value) -> {
              if (FunctionEnvironment.passesThrough(name)) {
                passed.put(name, value);
              }
            });
    InvokeSettings settings =
        new InvokeSettings(
            handler.trim(),
            project.getArtifactId(),
            runtime,
            region(passed),
            memorySize,
            timeout,
            environmentVariables == null ? Map.of() : environmentVariables,
            passed,
            debug);
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "Invoking %s (%s, %d MB, timeout %d s) through %s, on Java %d (%s)",
                settings.handler(),
                runtime,
                memorySize,
                timeout,
                launch.launch().description(),
                java.release(),
                java.java()));
    List<String> awsNames = passed.keySet().stream().filter(n -> n.startsWith("AWS_")).toList();
    if (!awsNames.isEmpty()) {
      getLog().info("  Passed through from your environment (values not shown): " + awsNames);
    }
    InvokeJob.Outcome outcome;
    try {
      outcome =
          InvokeJob.run(new InvokeJob.Request(out, settings, launch.launch(), events), jobLog());
    } catch (InvokeJob.NotPackagedException e) {
      throw new MojoExecutionException(
          e.buildReport()
              + " does not exist: lambda:invoke runs the zips that lambda:layer writes. Run"
              + " 'mvn package lambda:invoke' with the layer goal bound to package.");
    }
    String responseFile = relativeToProject(outcome.responseFile().toFile());
    InvokeOutput.render(outcome, responseFile, getLog());
    if (outcome.failed() && failOnInvokeError) {
      throw new MojoFailureException(InvokeOutput.failure(outcome, responseFile));
    }
  }

  private void checkNumbers() {
    List<Violation> violations = new ArrayList<>();
    if (timeout < 1 || timeout > 900) {
      violations.add(
          new Violation(
              Setting.INVOKE_TIMEOUT,
              Integer.toString(timeout),
              "is outside Lambda's 1 to 900 seconds",
              "set a timeout in seconds between 1 and 900"));
    }
    if (memorySize < 128 || memorySize > 10240) {
      violations.add(
          new Violation(
              Setting.INVOKE_MEMORY_SIZE,
              Integer.toString(memorySize),
              "is outside Lambda's 128 to 10,240 MB",
              "set the memory in MB between 128 and 10240"));
    }
    if (debug < 0 || debug > 65535) {
      violations.add(
          new Violation(
              Setting.INVOKE_DEBUG,
              Integer.toString(debug),
              "is not a TCP port",
              "set a free port such as 5005, or 0 for no debugging"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
  }

  /** The region the function sees: the caller's AWS_REGION, AWS_DEFAULT_REGION, else us-east-1. */
  private static String region(Map<String, String> passed) {
    String region = passed.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      region = passed.get("AWS_DEFAULT_REGION");
    }
    return region == null || region.isBlank() ? "us-east-1" : region;
  }
}
