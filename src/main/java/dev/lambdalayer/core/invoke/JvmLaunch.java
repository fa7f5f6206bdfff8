package dev.lambdalayer.core.invoke;

import java.nio.file.Path;
import java.util.List;

/**
 * The JVM that plays Lambda's Java runtime and the runtime client it starts.
 *
 * @param java the {@code java} executable
 * @param release its Java feature release
 * @param runtimeClassPath what Lambda's runtime puts on the class path before the function: the
 *     runtime interface client and its libraries, or the fallback launcher with them
 * @param mainClass the runtime's main class; the handler is its one argument
 * @param jvmOptions options for that runtime, e.g. where the client's native library is
 * @param description which runtime client path runs, for the log
 */
public record JvmLaunch(
    Path java,
    int release,
    List<Path> runtimeClassPath,
    String mainClass,
    List<String> jvmOptions,
    String description) {

  public JvmLaunch {
    runtimeClassPath = List.copyOf(runtimeClassPath);
    jvmOptions = List.copyOf(jvmOptions);
  }
}
