package dev.lambdalayer.core.job;

import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.prune.LayerPruning;
import dev.lambdalayer.core.prune.PrunePlan;
import dev.lambdalayer.core.publish.PublishSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lambda:prune} as one job: finds the layers and regions, plans and (when applying) deletes
 * old layer versions, and writes {@code prune.json}.
 */
public final class PruneJob {

  /**
   * What to prune.
   *
   * @param regions the configured regions; none, the SDK's chain decides
   * @param aws how to reach AWS
   * @param lockfile the lockfile, whose layers and versions are kept
   * @param lockfileName the lockfile as the user knows it, for messages
   * @param layerNames the configured layers' names (or the single default layer's)
   * @param function the function whose versions and aliases are asked; null for none
   * @param keep how many newest versions of each layer to keep
   * @param apply delete, rather than only report
   * @param reportFile where {@code prune.json} goes
   */
  public record Request(
      List<String> regions,
      AwsSettings aws,
      Path lockfile,
      String lockfileName,
      List<String> layerNames,
      String function,
      int keep,
      boolean apply,
      Path reportFile) {

    public Request {
      regions = List.copyOf(regions);
      layerNames = List.copyOf(layerNames);
    }
  }

  /** What was (or would be) deleted and kept, and where the report went. */
  public record Outcome(LayerPruning.Report report, Path reportFile) {}

  private final AwsPorts ports;
  private final JobLog log;

  public PruneJob(AwsPorts ports, JobLog log) {
    this.ports = ports;
    this.log = log;
  }

  /**
   * Prunes.
   *
   * @throws InvalidConfigurationException for a negative {@code keep} or no region, before any AWS
   *     call
   * @throws AwsCallException when AWS fails
   * @throws LockfileException when the lockfile cannot be read
   */
  public Outcome run(Request request) throws IOException {
    // The core's own check, before the lockfile, the regions and AWS; the plan checks it again.
    PrunePlan.checkKeep(request.keep());
    Optional<Lockfile> lock = LockfileCodec.read(request.lockfile());
    List<String> layerNames = layerNames(lock, request.layerNames());
    List<String> regions = ports.regions(request.regions(), request.aws());
    if (regions.isEmpty()) {
      throw new InvalidConfigurationException(
          PublishSettings.noRegion("pruning needs a region, and the AWS SDK found none"));
    }
    String function = request.function();
    log.info(
        String.format(
            Locale.ROOT,
            "Pruning %s %s in %s, keeping the newest %d, the versions locked in %s%s%s",
            layerNames.size() == 1 ? "layer" : "layers",
            layerNames,
            regions,
            request.keep(),
            request.lockfileName(),
            function == null ? "" : " and those function '" + function + "' and its aliases use",
            request.apply() ? ":" : " (dry run: nothing is deleted):"));
    LayerPruning.Report report;
    try (AwsSession aws = ports.open(request.aws())) {
      report =
          new LayerPruning(aws, log::info)
              .prune(
                  new LayerPruning.Request(
                      regions, layerNames, lock, function, request.keep(), request.apply()));
    }
    LayerPruning.write(report, request.reportFile());
    return new Outcome(report, request.reportFile());
  }

  /** The lockfile's layers, then the configured ones. */
  private static List<String> layerNames(Optional<Lockfile> lock, List<String> configured) {
    Set<String> names = new LinkedHashSet<>();
    lock.ifPresent(l -> l.layers().forEach(layer -> names.add(layer.name())));
    names.addAll(configured);
    return List.copyOf(names);
  }
}
