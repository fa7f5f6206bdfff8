package dev.lambdalayer.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.invoke.InvocationResult;
import dev.lambdalayer.core.invoke.InvokeEvent;
import dev.lambdalayer.core.invoke.InvokeSettings;
import dev.lambdalayer.core.invoke.JvmLaunch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job end to end with a scripted runtime client in a real child JVM: answers reach the outcome
 * and response.json, a warm JVM serves several events, a timeout and an exit are reported as Lambda
 * reports them and the JVM is gone afterwards.
 */
class InvokeJobTest {

  @TempDir Path out;
  private final List<String> lines = new ArrayList<>();

  private final JobLog log =
      new JobLog() {
        @Override
        public void info(String line) {
          synchronized (lines) {
            lines.add(line);
          }
        }

        @Override
        public void warn(String line) {
          info(line);
        }
      };

  private void packaged() throws IOException {
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(out.resolve("fn-function.zip")))) {
      zip.putNextEntry(new ZipEntry("com/example/Handler.class"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(out.resolve("lib-layer.zip")))) {
      zip.putNextEntry(new ZipEntry("java/lib/a.jar"));
      zip.write(new byte[] {4});
      zip.closeEntry();
    }
    Files.writeString(
        out.resolve("build.json"),
        "{\"runtimes\":[\"java17\"],\"layers\":[],\"sharedLayers\":[],"
            + "\"function\":{\"name\":\"fn\",\"file\":\"fn-function.zip\",\"libraries\":[]},"
            + "\"classPathLayers\":[{\"name\":\"lib\",\"file\":\"lib-layer.zip\"}]}");
  }

  private InvokeJob.Outcome run(String script, int timeoutSeconds, String... events)
      throws Exception {
    return run(
        List.of(Path.of("target/test-classes").toAbsolutePath()),
        ScriptedRuntime.class.getName(),
        script,
        timeoutSeconds,
        events);
  }

  /** The jar of a class on this test's class path (the Lambda libraries the plugin depends on). */
  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Through the plugin's serialization launcher, on the JDK, core and serialization only. */
  private InvokeJob.Outcome launcher(String handler, String... events) throws Exception {
    return run(
        List.of(
            Path.of("target/classes").toAbsolutePath(),
            jarOf(com.amazonaws.services.lambda.runtime.Context.class),
            jarOf(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class),
            Path.of("target/test-classes").toAbsolutePath()),
        "dev.lambdalayer.launcher.LocalRuntimeLauncher",
        handler,
        30,
        events);
  }

  private InvokeJob.Outcome run(
      List<Path> runtime, String main, String handler, int timeoutSeconds, String... events)
      throws Exception {
    packaged();
    JvmLaunch launch =
        new JvmLaunch(
            Path.of(System.getProperty("java.home"), "bin", "java"),
            Runtime.version().feature(),
            runtime,
            main,
            List.of(),
            "test");
    InvokeSettings settings =
        new InvokeSettings(
            handler, "fn", "java17", "eu-west-1", 256, timeoutSeconds, Map.of(), Map.of(), 0);
    List<InvokeEvent> list = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      list.add(new InvokeEvent("e" + i + ".json", events[i].getBytes(StandardCharsets.UTF_8)));
    }
    return InvokeJob.run(new InvokeJob.Request(out, settings, launch, list), log);
  }

  @Test
  void answersEveryEventInOneWarmJvmAndWritesTheResponses() throws Exception {
    InvokeJob.Outcome outcome = run("echo", 30, "{\"n\":1}", "{\"n\":2}");
    assertThat(outcome.failed()).isFalse();
    assertThat(outcome.invocations()).hasSize(2);
    assertThat(outcome.invocations().get(0).result().payloadText())
        .isEqualTo("{\"event\":{\"n\":1},\"function\":\"fn\"}");
    assertThat(outcome.initMillis()).isNotNegative();
    assertThat(Files.readString(outcome.responseFile()))
        .isEqualTo("{\"event\":{\"n\":2},\"function\":\"fn\"}");
    assertThat(out.resolve("invoke/responses/e0.json")).exists();
    assertThat(out.resolve("invoke/task/com/example/Handler.class")).exists();
    assertThat(out.resolve("invoke/opt/java/lib/a.jar")).exists();
    synchronized (lines) {
      assertThat(lines).anyMatch(l -> l.startsWith("  | started in ") && l.endsWith("invoke/task"));
    }
  }

  @Test
  void aHandlerRunningPastTheTimeoutIsStoppedWithLambdasError() throws Exception {
    long start = System.currentTimeMillis();
    InvokeJob.Outcome outcome = run("sleep", 1, "{}", "{}");
    assertThat(System.currentTimeMillis() - start).isLessThan(30_000);
    assertThat(outcome.invocations()).hasSize(1);
    assertThat(outcome.invocations().get(0).result().errorType()).isEqualTo("Sandbox.Timedout");
    assertThat(Files.readString(outcome.responseFile()))
        .contains("Task timed out after 1.00 seconds");
    assertThat(ProcessHandle.allProcesses().filter(this::isScripted).count()).isZero();
  }

  @Test
  void aJvmThatExitsWithoutAnsweringIsARuntimeExitError() throws Exception {
    InvokeJob.Outcome outcome = run("exit", 30, "{}");
    assertThat(outcome.invocations().get(0).result().errorType()).isEqualTo("Runtime.ExitError");
    assertThat(outcome.invocations().get(0).result().payloadText())
        .contains("Runtime exited with error: exit status 3");
  }

  private boolean isScripted(ProcessHandle p) {
    return p.info().commandLine().map(c -> c.contains(out.toString())).orElse(false);
  }

  @Test
  void theLauncherDeserializesIntoTheHandlersTypeAndPassesAContext() throws Exception {
    InvokeJob.Outcome outcome =
        launcher(LauncherHandlers.Typed.class.getName(), "{\"n\":41}", "{\"n\":1}");
    assertThat(outcome.invocations())
        .extracting(i -> i.result().payloadText())
        .containsExactly("[42,\"fn\",256]", "[2,\"fn\",256]");
  }

  @Test
  void theLauncherHandsAStreamHandlerTheBytes() throws Exception {
    InvokeJob.Outcome outcome = launcher(LauncherHandlers.Stream.class.getName(), "{\"x\":true}");
    assertThat(outcome.invocations().get(0).result().payloadText()).isEqualTo("[{\"x\":true}]");
  }

  @Test
  void theLauncherReportsAnExceptionAsLambdasErrorPayload() throws Exception {
    InvokeJob.Outcome outcome =
        launcher(LauncherHandlers.Throwing.class.getName() + "::fail", "\"coffee\"");
    InvocationResult result = outcome.invocations().get(0).result();
    assertThat(result.errorType()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(result.payloadText())
        .contains("\"errorMessage\":\"no coffee\"")
        .contains("LauncherHandlers$Throwing.fail(");
  }

  @Test
  void theLauncherReportsAHandlerThatDoesNotLoadAsAnInitError() throws Exception {
    InvokeJob.Outcome outcome = launcher("com.example.Missing::handle", "{}");
    InvocationResult result = outcome.invocations().get(0).result();
    assertThat(result.init()).isTrue();
    assertThat(result.errorType()).isEqualTo("java.lang.ClassNotFoundException");
  }
}
