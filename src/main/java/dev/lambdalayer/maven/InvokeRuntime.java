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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
      requireRuns(
          jdk,
          Files.readAllBytes(launcher.resolve(LAUNCHER_MAIN.replace('.', '/') + ".class")),
          "The serialization launcher");
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
    requireRuns(jdk, mainClassIn(ric, RIC_MAIN), "The runtime interface client " + fileName(ric));
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

  /**
   * The runtime of the oldest Java release among those {@code lambda:layer} recorded: the function
   * may run on any of them, and what works on the oldest works on the newer (the class-path check
   * takes the same one). Without any recorded, the default of the runtimes setting.
   */
  static String oldestRuntime(Path buildJson) throws IOException {
    List<String> runtimes = BuildReportReader.read(buildJson).runtimes();
    return runtimes.isEmpty() ? "java21" : LambdaRuntime.oldest(runtimes);
  }

  /** A runtime id's Java release, from the runtime table: {@code java8.al2} → 8. */
  static int release(String runtime) {
    return LambdaRuntime.javaRelease(runtime);
  }

  /** The Java release a class file needs, from its major version (52 is Java 8). */
  static int classRelease(byte[] classFile) {
    if (classFile.length < 8
        || (classFile[0] & 0xff) != 0xca
        || (classFile[1] & 0xff) != 0xfe
        || (classFile[2] & 0xff) != 0xba
        || (classFile[3] & 0xff) != 0xbe) {
      throw new IllegalArgumentException("not a class file");
    }
    return ((classFile[6] & 0xff) << 8 | (classFile[7] & 0xff)) - 44;
  }

  /**
   * Refuses a JDK older than the runtime client's main class needs, naming both and the fix, where
   * the child JVM would otherwise die with an UnsupportedClassVersionError.
   */
  static void requireRuns(Jdk jdk, byte[] mainClass, String client) throws MojoFailureException {
    int needed = classRelease(mainClass);
    if (jdk.release() < needed) {
      throw new MojoFailureException(
          client
              + " needs Java "
              + needed
              + " or newer, but the chosen JDK "
              + jdk.java()
              + " is Java "
              + jdk.release()
              + ". Fix: set "
              + SettingNames.of(Setting.INVOKE_JDK)
              + " to a JDK "
              + needed
              + " or newer, or "
              + SettingNames.of(Setting.INVOKE_CLIENT)
              + " to the other client.");
    }
  }

  private static byte[] mainClassIn(Path jar, String className) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(className.replace('.', '/') + ".class");
      if (entry == null) {
        throw new IOException(jar + " lacks " + className);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
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
