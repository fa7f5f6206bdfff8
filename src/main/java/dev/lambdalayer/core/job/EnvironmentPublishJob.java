package dev.lambdalayer.core.job;

import dev.lambdalayer.core.lock.EnvironmentRecords;
import dev.lambdalayer.core.lock.LockfileService;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.publish.DeployedFunction;
import dev.lambdalayer.core.publish.PublishedLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lambda:publish} to one named environment: the publish itself, then the lockfile's record
 * of what the environment runs in each region (layer versions, function version and code), which a
 * later promotion starts from.
 */
public final class EnvironmentPublishJob {

  private final AwsPorts ports;
  private final JobLog log;

  public EnvironmentPublishJob(AwsPorts ports, JobLog log) {
    this.ports = ports;
    this.log = log;
  }

  /**
   * Publishes as {@link PublishJob#run} does and, unless it is a dry run, records the environment.
   *
   * @param environment the environment's name
   */
  public <E extends Exception> PublishJob.Outcome run(
      String environment, PublishJob.Request request, PublishJob.ClassPathStep<E> classPath)
      throws IOException, InterruptedException, E {
    PublishJob.Outcome outcome = new PublishJob(ports, log).run(request, classPath);
    if (outcome.dryRun()) {
      return outcome;
    }
    String codeSha256 =
        request.built().function() == null
            ? null
            : Hashes.toBase64(request.built().function().zip().sha256());
    EnvironmentRecords.record(
        request.records().lockfile(),
        deployments(environment, outcome, codeSha256),
        // No own layer was published, so no lockfile may exist yet: start from this build's.
        LockfileService.current(request.packaging(), request.built(), Optional.empty()));
    log.info(
        "Recorded in "
            + request.records().lockfileName()
            + " what environment '"
            + environment
            + "' runs in "
            + outcome.regions()
            + ".");
    return outcome;
  }

  static List<Lockfile.Deployment> deployments(
      String environment, PublishJob.Outcome outcome, String functionCodeSha256) {
    List<Lockfile.Deployment> out = new ArrayList<>();
    for (String region : outcome.regions()) {
      List<Lockfile.DeployedLayer> layers =
          outcome.published().stream()
              .filter(p -> p.region().equals(region))
              .map(EnvironmentPublishJob::layer)
              .toList();
      Lockfile.DeployedFunction function =
          outcome.deployed().stream()
              .filter(d -> d.region().equals(region))
              .findFirst()
              .map(d -> function(d, functionCodeSha256))
              .orElse(null);
      out.add(new Lockfile.Deployment(environment, region, layers, function));
    }
    return out;
  }

  private static Lockfile.DeployedFunction function(DeployedFunction d, String codeSha256) {
    return new Lockfile.DeployedFunction(
        d.function(),
        d.alias(),
        d.version() == null ? "$LATEST" : d.version(),
        codeSha256,
        d.layers());
  }

  private static Lockfile.DeployedLayer layer(PublishedLayer p) {
    return new Lockfile.DeployedLayer(p.layerName(), p.layerVersionArn(), p.codeSha256());
  }
}
