package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.Setting;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Finds a JDK of the runtime's Java release or newer: {@code <jdk>}, a {@code jdk} toolchain, then
 * {@code JAVA_HOME}, then the JDK running Maven.
 */
final class InvokeJdks {

  private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(1\\.)?(\\d+)");

  private final ToolchainManager toolchains;
  private final MavenSession session;
  private final Log log;

  InvokeJdks(ToolchainManager toolchains, MavenSession session, Log log) {
    this.toolchains = toolchains;
    this.session = session;
    this.log = log;
  }

  InvokeRuntime.Jdk find(int release, String runtime, File configured) throws MojoFailureException {
    if (configured != null) {
      Path home = configured.toPath();
      int found = release(home);
      if (found < 0 || !Files.isRegularFile(java(home))) {
        throw new MojoFailureException(
            SettingNames.of(Setting.INVOKE_JDK)
                + " '"
                + home
                + "' is not a JDK's home folder (no bin/java and release file). Fix: point it at"
                + " the folder that holds bin/java.");
      }
      if (found < release) {
        throw tooOld(runtime, release, home + " is Java " + found);
      }
      return new InvokeRuntime.Jdk(java(home), found);
    }
    if (toolchains != null && session != null) {
      for (String range :
          List.of("[" + release + "," + (release + 1) + ")", "[" + release + ",)")) {
        List<Toolchain> matching =
            toolchains.getToolchains(session, "jdk", Map.of("version", range));
        for (Toolchain toolchain : matching) {
          String tool = toolchain.findTool("java");
          if (tool != null) {
            Path java = Path.of(tool);
            int found = release(java.getParent().getParent());
            log.debug("JDK toolchain " + toolchain + ": " + java);
            return new InvokeRuntime.Jdk(java, found < 0 ? release : found);
          }
        }
      }
    }
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()) {
      Path home = Path.of(javaHome);
      int found = release(home);
      if (found >= release && Files.isRegularFile(java(home))) {
        return new InvokeRuntime.Jdk(java(home), found);
      }
    }
    Path running = Path.of(System.getProperty("java.home"));
    int feature = Runtime.version().feature();
    if (feature >= release) {
      return new InvokeRuntime.Jdk(java(running), feature);
    }
    throw tooOld(
        runtime,
        release,
        "the JDK running Maven is Java "
            + feature
            + (javaHome == null
                ? ""
                : ", JAVA_HOME (" + javaHome + ") is Java " + release(Path.of(javaHome)))
            + ", and no jdk toolchain of version "
            + release
            + " or newer is configured");
  }

  private static MojoFailureException tooOld(String runtime, int release, String what) {
    return new MojoFailureException(
        "The runtime "
            + runtime
            + " runs Java "
            + release
            + ", but "
            + what
            + ". Fix: add a JDK "
            + release
            + " (or newer) to ~/.m2/toolchains.xml as <toolchain><type>jdk</type><provides>"
            + "<version>"
            + release
            + "</version></provides><configuration><jdkHome>/path/to/jdk</jdkHome>"
            + "</configuration></toolchain>, or set <jdk> (-Dlambda.invoke.jdk=/path/to/jdk-"
            + release
            + ").");
  }

  private static Path java(Path home) {
    boolean windows = File.separatorChar == '\\';
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  /** The feature release from a JDK's {@code release} file, -1 when unreadable. */
  static int release(Path home) {
    try {
      Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(2)) : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
