package dev.lambdalayer.core.invoke;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The JVM that runs the function: started in the task folder, its output handed on line by line.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final Thread pump;
  private final long startMillis;
  private final Thread killer;
  private long peakResident = -1;

  private ChildJvm(Process process, Thread pump, long startMillis) {
    this.process = process;
    this.pump = pump;
    this.startMillis = startMillis;
    // Ctrl-C on Maven must not leave a JVM behind, least of all one suspended for a debugger.
    this.killer = new Thread(this::kill, "lambda-function-killer");
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** The command line: JVM options as Lambda's Java runtime sets them, then the runtime's main. */
  public static List<String> command(
      JvmLaunch launch, InvokeSettings settings, List<Path> classPath) {
    List<String> command = new ArrayList<>();
    command.add(launch.java().toString());
    // Lambda sizes the heap from the memory setting and starts with these to shorten cold starts.
    command.add("-Xmx" + Math.max(16, settings.memoryMb() * 85 / 100) + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+TieredCompilation");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.net.preferIPv4Stack=true");
    if (launch.release() >= 22) {
      // The runtime interface client loads its JNI library: allowed without a warning, as in
      // Lambda.
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    if (settings.debugPort() > 0) {
      command.add(
          "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:"
              + settings.debugPort());
    }
    command.addAll(launch.jvmOptions());
    command.add("-cp");
    command.add(
        String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    command.add(launch.mainClass());
    command.add(settings.handler());
    return command;
  }

  /** Starts the JVM with exactly {@code environment}, in {@code task} as Lambda does. */
  public static ChildJvm start(
      List<String> command, Map<String, String> environment, Path task, Consumer<String> lines)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    long start = System.currentTimeMillis();
    Process process = builder.start();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.accept(line);
                }
              } catch (IOException e) {
                // The process was killed: its output ends here.
              }
            },
            "lambda-function-output");
    pump.setDaemon(true);
    pump.start();
    return new ChildJvm(process, pump, start);
  }

  public long startMillis() {
    return startMillis;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int exitValue() {
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  /**
   * The JVM's peak resident memory in bytes so far ({@code VmHWM} of {@code /proc/<pid>/status},
   * Linux only, as Lambda's "Max Memory Used" counts resident memory), or -1 where it cannot be
   * read. Sampled while the JVM runs, so a JVM that exits on its own is measured too.
   */
  public long peakResidentBytes() {
    peakResident = Math.max(peakResident, readPeak());
    return peakResident;
  }

  private long readPeak() {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Waits until the output of a finished JVM is all handed on. */
  public void drain() throws InterruptedException {
    pump.join(2000);
  }

  private void kill() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
    process.waitFor(10, TimeUnit.SECONDS);
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // Maven is shutting down: the hook runs anyway.
    }
    pump.join(2000);
  }
}
