package dev.lambdalayer.maven;

import dev.lambdalayer.core.classpath.BuildReportReader;
import dev.lambdalayer.core.invoke.JvmLaunch;
import dev.lambdalayer.core.invoke.RuntimeClientNative;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LambdaRuntime;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;

/**
 * The runtime side of {@code lambda:invoke}: which runtime client runs the handler, and the jars
 * Lambda's Java runtime puts before the function's, taken from the plugin's own dependencies (the
 * runtime interface client, {@code aws-lambda-java-core}, {@code aws-lambda-java-serialization}).
 */
final class InvokeRuntime {

  /** A JDK's {@code java} and its feature release. */
  record Jdk(Path java, int release) {}

  /** The classes of the fallback launcher, copied out of the plugin's jar for the child JVM. */
  static final List<String> LAUNCHER_CLASSES =
      List.of("LocalRuntimeLauncher", "LocalContext", "StdoutLogger", "ErrorJson");

  static final String LAUNCHER_MAIN = "dev.lambdalayer.launcher.LocalRuntimeLauncher";
  static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  private final JvmLaunch launch;

  InvokeRuntime(PluginDescriptor plugin, Path invokeDir, Jdk jdk, String client, Log log)
      throws IOException, MojoFailureException {
    String choice = client == null ? "auto" : client.trim().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "ric", "serialization").contains(choice)) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.INVOKE_CLIENT,
              client,
              "is not a runtime client",
              "use auto, ric (the AWS Lambda Java runtime interface client) or serialization"));
    }
    String os = System.getProperty("os.name");
    String arch = System.getProperty("os.arch");
    String library =
        RuntimeClientNative.libraryFor(
            os, arch, os.startsWith("Linux") && RuntimeClientNative.isMusl());
    Path core = jar(plugin, "com.amazonaws", "aws-lambda-java-core");
    Path serialization = jar(plugin, "com.amazonaws", "aws-lambda-java-serialization");
    if (choice.equals("serialization") || (choice.equals("auto") && library == null)) {
      Path launcher = copyLauncher(invokeDir.resolve("launcher"));
      String why =
          choice.equals("serialization")
              ? "chosen with " + SettingNames.of(Setting.INVOKE_CLIENT)
              : "the runtime interface client's native part does not load on " + os + " " + arch;
      launch =
          new JvmLaunch(
              jdk.java(),
              jdk.release(),
              List.of(launcher, core, serialization),
              LAUNCHER_MAIN,
              List.of(),
              "the serialization launcher (" + fileName(serialization) + "; " + why + ")");
      return;
    }
    if (library == null) {
      throw new MojoFailureException(
          "The AWS Lambda Java runtime interface client has no native library for "
              + os
              + " "
              + arch
              + ": set "
              + SettingNames.of(Setting.INVOKE_CLIENT)
              + " to auto or serialization.");
    }
    Path ric = jar(plugin, "com.amazonaws", "aws-lambda-java-runtime-interface-client");
    Path utils = jar(plugin, "software.amazon.awssdk", "utils-lite");
    Path so = RuntimeClientNative.extract(ric, library, invokeDir.resolve("runtime"));
    if (so == null) {
      throw new MojoFailureException(ric + " holds no jni/" + library + ": a broken download?");
    }
    log.debug("Runtime interface client native library: " + so);
    launch =
        new JvmLaunch(
            jdk.java(),
            jdk.release(),
            List.of(core, ric, serialization, utils),
            RIC_MAIN,
            List.of("-D" + RuntimeClientNative.PROPERTY + "=" + so),
            "the AWS Lambda Java runtime interface client ("
                + fileName(ric)
                + ", "
                + library
                + ")");
  }

  JvmLaunch launch() {
    return launch;
  }

  /** The first of the runtimes {@code lambda:layer} recorded: the one Lambda would run. */
  static String firstRuntime(Path buildJson) throws IOException {
    List<String> runtimes = BuildReportReader.read(buildJson).runtimes();
    return runtimes.isEmpty() ? "java21" : runtimes.get(0);
  }

  /** A runtime id's Java release, from the runtime table: {@code java8.al2} → 8. */
  static int release(String runtime) {
    return LambdaRuntime.byId(runtime).map(LambdaRuntime::javaRelease).orElse(21);
  }

  private static Path jar(PluginDescriptor plugin, String groupId, String artifactId)
      throws MojoFailureException {
    for (Artifact a : plugin.getArtifacts()) {
      if (a.getGroupId().equals(groupId)
          && a.getArtifactId().equals(artifactId)
          && a.getFile() != null) {
        return a.getFile().toPath();
      }
    }
    throw new MojoFailureException(
        "The plugin's dependency "
            + groupId
            + ":"
            + artifactId
            + " was not resolved with the plugin; build once online.");
  }

  private static Path copyLauncher(Path dir) throws IOException {
    Path packageDir = dir.resolve("dev/lambdalayer/launcher");
    Files.createDirectories(packageDir);
    for (String name : LAUNCHER_CLASSES) {
      String resource = "dev/lambdalayer/launcher/" + name + ".class";
      try (InputStream in = InvokeRuntime.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("The plugin's jar lacks " + resource);
        }
        AtomicFiles.write(packageDir.resolve(name + ".class"), in.readAllBytes());
      }
    }
    return dir;
  }

  private static String fileName(Path jar) {
    return jar.getFileName().toString();
  }
}
