package dev.lambdalayer.core.job;

import dev.lambdalayer.core.classpath.BuildReportReader;
import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.invoke.ChildJvm;
import dev.lambdalayer.core.invoke.ErrorPayload;
import dev.lambdalayer.core.invoke.FunctionEnvironment;
import dev.lambdalayer.core.invoke.InvocationResult;
import dev.lambdalayer.core.invoke.InvokeClassPath;
import dev.lambdalayer.core.invoke.InvokeEvent;
import dev.lambdalayer.core.invoke.InvokeSettings;
import dev.lambdalayer.core.invoke.JvmLaunch;
import dev.lambdalayer.core.invoke.RuntimeApiServer;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.zip.SafeUnzipper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The core of {@code lambda:invoke}: unpacks the function zip into {@code invoke/task} and every
 * layer into {@code invoke/opt}, serves the Lambda Runtime API on 127.0.0.1, starts a JVM on
 * Lambda's class path and hands it the events one after another (the first cold, the rest warm).
 */
public final class InvokeJob {

  /** What to invoke, with what, in which JVM. */
  public record Request(
      Path outputDirectory, InvokeSettings settings, JvmLaunch launch, List<InvokeEvent> events) {}

  /** One event's answer and durations. */
  public record Invocation(InvokeEvent event, InvocationResult result) {}

  /**
   * @param initMillis from the JVM's start to the runtime's first request for an event; -1 if it
   *     never got that far
   * @param peakResidentBytes the JVM's peak resident memory, -1 where the OS does not tell
   * @param responseFile the last answer, response or error payload
   */
  public record Outcome(
      List<Invocation> invocations,
      long initMillis,
      long peakResidentBytes,
      Path responseFile,
      int taskFiles,
      int optFiles) {

    public boolean failed() {
      return invocations.stream().anyMatch(i -> i.result().failed());
    }
  }

  /** Thrown when {@code build.json} is missing: nothing was packaged. */
  public static final class NotPackagedException extends IOException {
    private final Path buildReport;

    NotPackagedException(Path buildReport) {
      super(buildReport + " does not exist");
      this.buildReport = buildReport;
    }

    public Path buildReport() {
      return buildReport;
    }
  }

  private static final long POLL_MILLIS = 20;

  private static final String TIMED_OUT = "Sandbox.Timedout";

  /** Lambda's init phase may take 10 s; a local JVM on a busy machine gets more. */
  private static final long INIT_MILLIS = 60_000;

  private InvokeJob() {}

  public static Outcome run(Request request, JobLog log) throws IOException, InterruptedException {
    Path buildJson = request.outputDirectory().resolve("build.json");
    if (!Files.isRegularFile(buildJson)) {
      throw new NotPackagedException(buildJson);
    }
    ClassPathInput zips = BuildReportReader.read(buildJson);
    Path root = request.outputDirectory().resolve("invoke");
    Path task = root.resolve("task");
    Path opt = root.resolve("opt");
    deleteTree(task);
    deleteTree(opt);
    deleteTree(root.resolve("responses"));
    SafeUnzipper unzipper = new SafeUnzipper();
    int taskFiles = unzipper.unpack(zips.functionZip(), task).files();
    int optFiles = 0;
    Files.createDirectories(opt);
    for (ClassPathInput.LayerZip layer : zips.layers()) {
      optFiles += unzipper.unpack(layer.file(), opt).files();
    }
    List<Path> classPath = InvokeClassPath.of(request.launch().runtimeClassPath(), task, opt);
    InvokeSettings settings = request.settings();
    List<Invocation> invocations = new ArrayList<>();
    long init = -1;
    long peak;
    try (RuntimeApiServer api = new RuntimeApiServer(functionArn(settings))) {
      Map<String, String> env = FunctionEnvironment.of(settings, task, api.address());
      List<String> command = ChildJvm.command(request.launch(), settings, classPath);
      log.debug("JVM command: " + String.join(" ", command));
      log.debug("Environment variable names (values not shown): " + env.keySet());
      try (ChildJvm jvm = ChildJvm.start(command, env, task, line -> log.info("  | " + line))) {
        if (settings.debugPort() > 0) {
          log.info(
              "Debug: the JVM waits for a debugger on port "
                  + settings.debugPort()
                  + " (JDWP, 127.0.0.1); attach your IDE's remote debugger to it.");
        }
        for (InvokeEvent event : request.events()) {
          InvocationResult result = invoke(api, jvm, settings, event, invocations.isEmpty());
          if (init < 0 && api.firstNext().isDone()) {
            init = api.firstNext().join() - jvm.startMillis();
          }
          invocations.add(new Invocation(event, result));
          if (result.init() || !jvm.isAlive() || TIMED_OUT.equals(result.errorType())) {
            // Lambda starts a new sandbox after such an end; here the run stops.
            int left = request.events().size() - invocations.size();
            if (left > 0) {
              log.warn(
                  left
                      + " more event"
                      + (left == 1 ? " was" : "s were")
                      + " not invoked: the JVM ended with "
                      + result.errorType()
                      + ".");
            }
            break;
          }
        }
        peak = jvm.peakResidentBytes();
        if (!jvm.isAlive()) {
          jvm.drain();
        }
      }
    }
    Path response = root.resolve("response.json");
    AtomicFiles.write(response, invocations.get(invocations.size() - 1).result().payload());
    if (request.events().size() > 1) {
      Files.createDirectories(root.resolve("responses"));
      for (Invocation i : invocations) {
        AtomicFiles.write(root.resolve("responses").resolve(fileName(i)), i.result().payload());
      }
    }
    return new Outcome(invocations, init, peak, response, taskFiles, optFiles);
  }

  /**
   * Hands out one event and waits for its answer, a failed start, the JVM's exit or the timeout.
   */
  private static InvocationResult invoke(
      RuntimeApiServer api, ChildJvm jvm, InvokeSettings settings, InvokeEvent event, boolean cold)
      throws InterruptedException {
    String requestId = UUID.randomUUID().toString();
    long timeout = settings.timeoutSeconds() * 1000L;
    CompletableFuture<InvocationResult> answer = api.submit(requestId, event.body(), timeout);
    long submitted = System.currentTimeMillis();
    long initLimit = settings.debugPort() > 0 ? timeout : INIT_MILLIS;
    while (true) {
      jvm.peakResidentBytes();
      if (answer.isDone()) {
        return duringInit(answer.join());
      }
      if (api.initError().isDone()) {
        return api.initError().join();
      }
      Long started = api.startedAt(requestId);
      long now = System.currentTimeMillis();
      if (!jvm.isAlive()) {
        // The output of a JVM that died is all there before its result is reported.
        jvm.drain();
        if (api.initError().isDone()) {
          return api.initError().join();
        }
        return synthetic(
            requestId,
            "Runtime.ExitError",
            "RequestId: "
                + requestId
                + " Error: Runtime exited with error: exit status "
                + jvm.exitValue(),
            started == null ? 0 : now - started,
            started == null && cold);
      }
      if (started != null && now - started > timeout) {
        return synthetic(
            requestId,
            TIMED_OUT,
            String.format(
                Locale.ROOT,
                "%s %s Task timed out after %d.00 seconds",
                Instant.now(),
                requestId,
                settings.timeoutSeconds()),
            now - started,
            false);
      }
      if (started == null && now - submitted > initLimit) {
        return synthetic(
            requestId,
            TIMED_OUT,
            "The runtime did not ask for the event within "
                + initLimit / 1000
                + " seconds of the JVM's start (init phase)",
            now - submitted,
            true);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * The runtime interface client reports a handler class that fails to load on the first invocation
   * ("Error loading class ...") and then exits, as Lambda's init phase fails.
   */
  private static InvocationResult duringInit(InvocationResult result) {
    String message = ErrorPayload.errorMessage(result.payload());
    if (result.failed() && message != null && message.startsWith("Error loading class ")) {
      return new InvocationResult(
          result.requestId(), result.errorType(), result.payload(), result.durationMillis(), true);
    }
    return result;
  }

  private static InvocationResult synthetic(
      String requestId, String type, String message, long millis, boolean init) {
    String json =
        "{\"errorMessage\":\""
            + message.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"errorType\":\""
            + type
            + "\"}";
    return new InvocationResult(
        requestId, type, json.getBytes(StandardCharsets.UTF_8), millis, init);
  }

  private static String functionArn(InvokeSettings settings) {
    return "arn:aws:lambda:"
        + settings.region()
        + ":000000000000:function:"
        + settings.functionName();
  }

  private static String fileName(Invocation invocation) {
    String name = invocation.event().name();
    return name.endsWith(".json") ? name : name + ".json";
  }

  /** Removes a folder this job wrote before; it lies under the output directory. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
