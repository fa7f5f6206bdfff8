package dev.lambdalayer.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The outcome of tasks run per region: what succeeded, and the first failure with the others
 * suppressed into it, so a caller can record the successes before it reports the failure.
 */
public record Joined<T>(List<T> done, RuntimeException failure) {

  /** Waits for every task, whatever the others did. */
  public static <T> Joined<T> of(Iterable<Future<T>> futures) throws InterruptedException {
    List<T> done = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<T> future : futures) {
      try {
        done.add(future.get());
      } catch (ExecutionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    return new Joined<>(done, failure);
  }

  /** The successes, or the failure if there was one. */
  public List<T> orThrow() {
    if (failure != null) {
      throw failure;
    }
    return done;
  }
}
