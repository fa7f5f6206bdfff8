package dev.lambdalayer.maven;

import dev.lambdalayer.core.invoke.ErrorPayload;
import dev.lambdalayer.core.invoke.InvocationResult;
import dev.lambdalayer.core.job.InvokeJob;
import dev.lambdalayer.core.model.Plural;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Renders what {@code lambda:invoke} saw: each answer with its durations, memory, the file. */
final class InvokeOutput {

  private InvokeOutput() {}

  static void render(InvokeJob.Outcome outcome, String responseFile, Log log) {
    boolean first = true;
    for (InvokeJob.Invocation invocation : outcome.invocations()) {
      InvocationResult result = invocation.result();
      String timing =
          first && result.init() && outcome.initMillis() < 0
              ? "cold: init did not finish within " + result.durationMillis() + " ms"
              : first
                  ? String.format(
                      Locale.ROOT,
                      "cold: init %s, invoke %d ms",
                      outcome.initMillis() < 0 ? "did not finish" : outcome.initMillis() + " ms",
                      result.durationMillis())
                  : String.format(Locale.ROOT, "warm: invoke %d ms", result.durationMillis());
      String label = outcome.invocations().size() > 1 ? " " + invocation.event().name() : "";
      if (result.failed()) {
        log.error(
            (result.init() ? "Init failed" : "Error")
                + label
                + " ("
                + timing
                + "): "
                + result.payloadText());
      } else {
        log.info("Response" + label + " (" + timing + "): " + result.payloadText());
      }
      first = false;
    }
    log.info(
        outcome.peakResidentBytes() < 0
            ? "Peak memory: not measured (read from /proc, on Linux only)"
            : String.format(
                Locale.ROOT,
                "Peak memory: %d MB resident (VmHWM of the function's JVM)",
                outcome.peakResidentBytes() / (1024 * 1024)));
    log.info(
        "Written to "
            + responseFile
            + " (function: "
            + Plural.of(outcome.taskFiles(), "file", "files")
            + " in invoke/task, layers: "
            + Plural.of(outcome.optFiles(), "file", "files")
            + " in invoke/opt)");
  }

  /** The build failure: the first error's type and message, and how to only report it. */
  static String failure(InvokeJob.Outcome outcome, String responseFile) {
    for (InvokeJob.Invocation invocation : outcome.invocations()) {
      InvocationResult result = invocation.result();
      if (result.failed()) {
        String message = ErrorPayload.errorMessage(result.payload());
        return "The function "
            + (result.init() ? "failed to start" : "returned an error")
            + (outcome.invocations().size() > 1 ? " for " + invocation.event().name() : "")
            + ": "
            + result.errorType()
            + (message == null ? "" : ": " + message)
            + " (the whole payload is in "
            + responseFile
            + "). Set"
            + " -Dlambda.invoke.failOnError=false to only report it.";
      }
    }
    return "The function failed";
  }
}
