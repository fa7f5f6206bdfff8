package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.FunctionReader;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs function updates one at a time, as Lambda requires: waits out {@code LastUpdateStatus
 * InProgress} and retries an update refused with a conflict, within the update timeout. Shared by
 * publishing and promotion.
 */
public final class FunctionUpdates {

  private final FunctionReader reader;
  private final Duration updateTimeout;
  private final Duration pollInterval;
  private final Consumer<String> log;

  public FunctionUpdates(
      FunctionReader reader, Duration updateTimeout, Duration pollInterval, Consumer<String> log) {
    this.reader = reader;
    this.updateTimeout = updateTimeout;
    this.pollInterval = pollInterval;
    this.log = log;
  }

  /** Runs an update, waiting out {@code ResourceConflictException} while another one runs. */
  public void whenNoUpdateRuns(String region, String function, Runnable update) {
    long deadline = System.nanoTime() + updateTimeout.toNanos();
    long backoff = pollInterval.toMillis();
    while (true) {
      try {
        update.run();
        return;
      } catch (AwsCallException e) {
        if (e.kind() != AwsCallException.Kind.CONFLICT) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          throw new AwsCallException(
              e.operation(),
              e.subject(),
              e.region(),
              "another update was still in progress when the update timeout ("
                  + updateTimeout.toSeconds()
                  + " s) ran out (AWS said: "
                  + e.awsMessage()
                  + "); if it does not end, find what keeps updating the function (a concurrent"
                  + " deployment?)",
              AwsCallException.Kind.TIMEOUT,
              e);
        }
        log.accept(
            String.format(
                "Function '%s' %s: another update is in progress; waiting for it.",
                function, region));
        awaitSettled(region, function, "the update in progress");
        // The conflict may come from something LastUpdateStatus does not show (a function still
        // Pending, a version being published): never retry at once, back off up to 8 polls.
        sleep(backoff, function);
        backoff = Math.min(backoff * 2, pollInterval.toMillis() * 8);
      }
    }
  }

  private static void sleep(long millis, String function) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + function, e);
    }
  }

  /** Polls until {@code LastUpdateStatus} leaves {@code InProgress}, within the timeout. */
  public FunctionReader.FunctionState awaitSettled(String region, String function, String after) {
    long deadline = System.nanoTime() + updateTimeout.toNanos();
    while (true) {
      FunctionReader.FunctionState state = reader.getFunction(region, function);
      String status = state.lastUpdateStatus();
      if (status == null || status.equals("Successful")) {
        return state;
      }
      if (status.equals("Failed")) {
        throw new AwsCallException(
            after,
            "function '" + function + "'",
            region,
            "the update ended with LastUpdateStatus Failed: " + state.lastUpdateStatusReason(),
            AwsCallException.Kind.OTHER,
            null);
      }
      if (System.nanoTime() > deadline) {
        throw new AwsCallException(
            after,
            "function '" + function + "'",
            region,
            "LastUpdateStatus is still " + status + " after " + updateTimeout.toSeconds() + " s",
            AwsCallException.Kind.TIMEOUT,
            null);
      }
      sleep(pollInterval.toMillis(), function);
    }
  }
}
