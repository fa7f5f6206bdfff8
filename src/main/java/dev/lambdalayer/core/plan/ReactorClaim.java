package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An exclusive claim on one piece of work among the modules of a reactor build, whether they run in
 * threads of one Maven ({@code -T}) or in several processes: a file created atomically that holds
 * the owner's process id. A claim whose process is gone (a killed build) may be taken over.
 */
public final class ReactorClaim {

  /** How long a module waits for another's claim before it does the work itself. */
  static final Duration MAX_WAIT = Duration.ofMinutes(10);

  private static final long POLL_MILLIS = 20;

  private ReactorClaim() {}

  /** Creates the claim with its content in one step: a link to a file already written. */
  public static boolean tryClaim(Path claim) throws IOException {
    Path temporary = AtomicFiles.temporarySibling(claim);
    try {
      Files.writeString(
          temporary, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
      try {
        Files.createLink(claim, temporary);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (IOException | UnsupportedOperationException e) {
        // No hard links: create it empty (an empty claim counts as alive until MAX_WAIT).
        try {
          Files.createFile(claim);
          return true;
        } catch (FileAlreadyExistsException taken) {
          return false;
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Gives a claim up; null is no claim. */
  public static void release(Path claim) throws IOException {
    if (claim != null) {
      Files.deleteIfExists(claim);
    }
  }

  /** Takes over the claim of a process that is gone; true when it was stale and is deleted. */
  public static boolean breakIfStale(Path claim) throws IOException {
    if (ownerAlive(claim)) {
      return false;
    }
    Files.deleteIfExists(claim);
    return true;
  }

  /**
   * Waits until the claim is this caller's, for at most {@link #MAX_WAIT}.
   *
   * @return the claim to {@link #release}, or null when the wait timed out (go on without it)
   */
  public static Path await(Path claim) throws IOException, InterruptedException {
    Files.createDirectories(claim.getParent());
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    while (!tryClaim(claim)) {
      if (breakIfStale(claim)) {
        continue;
      }
      if (System.nanoTime() > deadline) {
        return null;
      }
      pause();
    }
    return claim;
  }

  public static void pause() throws InterruptedException {
    Thread.sleep(POLL_MILLIS);
  }

  private static boolean ownerAlive(Path claim) {
    try {
      String pid = Files.readString(claim, StandardCharsets.UTF_8).trim();
      if (pid.isEmpty()) {
        return true;
      }
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NoSuchFileException e) {
      return true; // released meanwhile: look again
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }
}
