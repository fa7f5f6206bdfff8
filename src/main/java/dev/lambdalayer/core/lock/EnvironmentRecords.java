package dev.lambdalayer.core.lock;

import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lockfile's {@code environments} section: what each environment runs in each region, replaced
 * region by region as a publish or promotion to it succeeds, and written atomically.
 */
public final class EnvironmentRecords {

  private EnvironmentRecords() {}

  /**
   * Replaces the records of the same environment and region as {@code deployments} and writes the
   * lockfile; other records stay.
   *
   * @throws LockfileException when the lockfile cannot be read
   * @throws IllegalStateException when there is no lockfile: a promotion reads one before this
   */
  public static Lockfile record(Path lockfile, List<Lockfile.Deployment> deployments)
      throws IOException {
    return record(lockfile, deployments, null);
  }

  /**
   * As {@link #record(Path, List)}, but creates the lockfile from {@code whenMissing} when there is
   * none: a publish that published no layer of its own (a function with shared layers only) has not
   * written one yet.
   *
   * @param whenMissing the lockfile describing this build; null when one must exist
   */
  public static Lockfile record(
      Path lockfile, List<Lockfile.Deployment> deployments, Lockfile whenMissing)
      throws IOException {
    Optional<Lockfile> read = LockfileCodec.read(lockfile);
    if (read.isEmpty() && whenMissing == null) {
      throw new IllegalStateException("no lockfile at " + lockfile);
    }
    Lockfile current = read.orElse(whenMissing);
    Lockfile updated = current.withEnvironments(replaced(current.environments(), deployments));
    LockfileCodec.write(updated, lockfile);
    return updated;
  }

  /**
   * {@code existing} with {@code deployments} in place of the records of their environment and
   * region.
   */
  static List<Lockfile.Deployment> replaced(
      List<Lockfile.Deployment> existing, List<Lockfile.Deployment> deployments) {
    Set<String> keys = new HashSet<>();
    deployments.forEach(d -> keys.add(d.environment() + " " + d.region()));
    List<Lockfile.Deployment> out = new ArrayList<>();
    for (Lockfile.Deployment d : existing) {
      if (!keys.contains(d.environment() + " " + d.region())) {
        out.add(d);
      }
    }
    out.addAll(deployments);
    return out;
  }
}
