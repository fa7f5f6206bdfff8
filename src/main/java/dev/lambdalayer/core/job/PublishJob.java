package dev.lambdalayer.core.job;

import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.publish.AttachedLayerVerifier;
import dev.lambdalayer.core.publish.DeployedFunction;
import dev.lambdalayer.core.publish.FunctionDeployment;
import dev.lambdalayer.core.publish.FunctionToDeploy;
import dev.lambdalayer.core.publish.LayerPublishing;
import dev.lambdalayer.core.publish.LayerSharing;
import dev.lambdalayer.core.publish.LayerToPublish;
import dev.lambdalayer.core.publish.PublishDryRun;
import dev.lambdalayer.core.publish.PublishLockfile;
import dev.lambdalayer.core.publish.PublishRecords;
import dev.lambdalayer.core.publish.PublishSettings;
import dev.lambdalayer.core.publish.PublishedLayer;
import dev.lambdalayer.core.publish.SharedLayerArns;
import dev.lambdalayer.core.publish.SnapStartCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lambda:publish} as one job: checks what was built, plans, opens the lockfile, publishes
 * each layer once per content and region, deploys the function and writes the records.
 */
public final class PublishJob {

  /**
   * The class-path check that packaging runs, which belongs to the build tool (it renders and may
   * fail the build): never deploy what would die at cold start.
   *
   * @param <E> what the build tool throws when the check fails
   */
  @FunctionalInterface
  public interface ClassPathStep<E extends Exception> {

    void verify(ClassPathInput input) throws IOException, E;
  }

  /**
   * What to publish and where.
   *
   * @param packaging the request the zips were built from
   * @param built the zips
   * @param target where to publish and how to reach AWS
   * @param upload how the layer versions are made: bucket, licence, permissions
   * @param records where the outcome is recorded
   * @param dryRun say what would happen and call nothing
   * @param claims where the modules of one reactor claim a publication (see {@link
   *     LayerPublishing}); null outside a reactor
   * @param layerProject the layer project whose descriptor takes the new ARNs; null for a function
   *     project
   */
  public record Request(
      PackagingRequest packaging,
      PackagingResult built,
      Target target,
      Upload upload,
      Records records,
      boolean dryRun,
      Path claims,
      LayerProject layerProject) {}

  /**
   * Where to publish and how to reach AWS.
   *
   * @param function the function to deploy in every region; null to publish layers only
   * @param alias the alias to move once every region succeeded; null or blank for none
   * @param regions the configured regions; none, the SDK's chain decides (not in a dry run)
   * @param aws how to reach AWS
   * @param updateTimeout how long a function update may stay {@code InProgress}, and a new
   *     SnapStart version {@code Pending}
   * @param snapStart SnapStart on or off for the function; null leaves it as it is
   */
  public record Target(
      String function,
      String alias,
      List<String> regions,
      AwsSettings aws,
      Duration updateTimeout,
      Boolean snapStart) {

    public Target {
      regions = List.copyOf(regions);
    }

    /** A target whose function's SnapStart setting is left as it is. */
    public Target(
        String function,
        String alias,
        List<String> regions,
        AwsSettings aws,
        Duration updateTimeout) {
      this(function, alias, regions, aws, updateTimeout, null);
    }
  }

  /**
   * How layer versions are made.
   *
   * @param s3Bucket the bucket for zips over 50 MB, {@code {region}} replaced; null for none
   * @param licenseInfo the layer versions' {@code LicenseInfo}; null for none
   * @param shares who may use the layer versions, as configured (see {@link Share#parse}); the
   *     grants on each version are made equal to them
   * @param sharePublicly the explicit opt-in that a share with everyone ({@code *}) needs
   */
  public record Upload(
      String s3Bucket, String licenseInfo, List<String> shares, boolean sharePublicly) {

    public Upload {
      shares = List.copyOf(shares);
    }

    /** Without the opt-in to share publicly. */
    public Upload(String s3Bucket, String licenseInfo, List<String> shares) {
      this(s3Bucket, licenseInfo, shares, false);
    }
  }

  /**
   * Where the outcome is recorded.
   *
   * @param lockfile the lockfile, read and extended after each layer
   * @param lockfileName the lockfile as the user knows it, for messages
   * @param outputDirectory where {@code publish.json} and the parameter files go
   * @param terraformVarsFile the Terraform variables file
   */
  public record Records(
      Path lockfile, String lockfileName, Path outputDirectory, Path terraformVarsFile) {}

  /**
   * A layer project, whose descriptor takes the new ARNs once the lockfile records them (also after
   * a failure), before {@code install} or {@code deploy} copy it.
   *
   * @param id its coordinates {@code groupId:artifactId:version}
   * @param descriptorFile where its descriptor is written
   */
  public record LayerProject(String id, Path descriptorFile) {}

  /**
   * What a publish did (or, in a dry run, would do).
   *
   * @param regions the regions, first one first
   * @param layers the layers built for publishing
   * @param dryRunLines what a dry run would call; empty otherwise
   * @param published every layer in every region
   * @param deployed the function in every region; empty when none is deployed
   */
  public record Outcome(
      boolean dryRun,
      List<String> regions,
      List<LayerToPublish> layers,
      List<String> dryRunLines,
      List<PublishedLayer> published,
      List<DeployedFunction> deployed) {

    public Outcome {
      regions = List.copyOf(regions);
      layers = List.copyOf(layers);
      dryRunLines = List.copyOf(dryRunLines);
      published = List.copyOf(published);
      deployed = List.copyOf(deployed);
    }

    /** Bytes sent inline or to S3, layers and function. */
    public long uploadedBytes() {
      return published.stream().mapToLong(PublishedLayer::uploadedBytes).sum()
          + deployed.stream().mapToLong(DeployedFunction::uploadedBytes).sum();
    }

    /**
     * The build's properties for later plugins: {@code lambda.layer.<name>.<region>.arn} for every
     * region, and {@code lambda.layer.<name>.arn} for the first.
     */
    public Map<String, String> properties() {
      Map<String, String> properties = new LinkedHashMap<>();
      String first = regions.isEmpty() ? null : regions.get(0);
      for (PublishedLayer p : published) {
        properties.put(
            "lambda.layer." + p.layerName() + "." + p.region() + ".arn", p.layerVersionArn());
        if (p.region().equals(first)) {
          properties.put("lambda.layer." + p.layerName() + ".arn", p.layerVersionArn());
        }
      }
      return properties;
    }
  }

  private final AwsPorts ports;
  private final JobLog log;

  public PublishJob(AwsPorts ports, JobLog log) {
    this.ports = ports;
    this.log = log;
  }

  /**
   * Publishes, deploys and records.
   *
   * @throws PublishRefusedException when what was built must not be published
   * @throws InvalidConfigurationException when the settings cannot work, before any AWS call
   * @throws AwsCallException when AWS fails; what was published is recorded first
   * @throws LockfileException when the lockfile cannot be read
   */
  public <E extends Exception> Outcome run(Request request, ClassPathStep<E> classPath)
      throws IOException, InterruptedException, E {
    PackagingRequest packaging = request.packaging();
    PackagingResult built = request.built();
    if (built.function() == null && request.target().function() != null) {
      throw new PublishRefusedException(
          PublishRefusedException.Reason.LAYER_PROJECT_HAS_NO_FUNCTION, List.of());
    }
    // A setting that cannot work is refused first, before the class-path check judges the code.
    List<Violation> snapStart =
        SnapStartCheck.check(
            request.target().snapStart(),
            request.target().function(),
            request.target().alias(),
            packaging.runtimes());
    if (!snapStart.isEmpty()) {
      throw new InvalidConfigurationException(snapStart);
    }
    if (built.function() != null) {
      classPath.verify(ClassPathInput.of(packaging, built));
    }
    List<LayerToPublish> layers =
        built.layers().stream()
            .map(b -> LayerToPublish.of(b, packaging.runtimes(), packaging.architectures()))
            .toList();
    PublishSettings settings =
        new PublishSettings(
            request.dryRun()
                ? request.target().regions()
                : ports.regions(request.target().regions(), request.target().aws()),
            request.upload().s3Bucket(),
            request.upload().licenseInfo(),
            request.upload().shares().stream().map(Share::parse).toList());
    List<Violation> violations =
        new ArrayList<>(
            settings.check(layers, request.target().function() == null ? null : built.function()));
    violations.addAll(
        LayerSharing.publicWithoutOptIn(settings.shares(), request.upload().sharePublicly()));
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    // Shared layers: each needs a version in every region before anything is published.
    Map<String, List<PublishedLayer>> sharedArns =
        request.target().function() == null
            ? Map.of()
            : SharedLayerArns.forRegions(packaging.shared(), settings.regions());

    PublishLockfile lock =
        PublishLockfile.open(
            request.records().lockfile(), request.records().lockfileName(), packaging, built);
    lock.recordedDrift()
        .forEach(
            drift ->
                log.warn(
                    "Drift from "
                        + request.records().lockfileName()
                        + ", recorded by this publish: "
                        + drift));
    if (!lock.integrityFailures().isEmpty()) {
      throw new PublishRefusedException(
          PublishRefusedException.Reason.INTEGRITY_FAILURES, lock.integrityFailures());
    }
    // One value for the dry run and the deploy, so the dry run prints what the deploy would use.
    FunctionToDeploy toDeploy =
        request.target().function() == null
            ? null
            : FunctionToDeploy.of(
                request.target().function(),
                built.function(),
                request.target().alias(),
                lock.retiredLayers(),
                request.target().snapStart());
    if (request.dryRun()) {
      List<String> lines =
          new ArrayList<>(PublishDryRun.layerLines(settings, layers, lock::lockedVersion));
      lines.add(LayerSharing.dryRunLine(settings.shares()));
      if (toDeploy != null) {
        lines.addAll(
            AttachedLayerVerifier.dryRunLines(
                AttachedLayerVerifier.shared(sharedArns, packaging.shared()), !layers.isEmpty()));
        lines.addAll(PublishDryRun.functionLines(settings.regions(), toDeploy));
      }
      return new Outcome(true, settings.regions(), layers, lines, List.of(), List.of());
    }

    List<PublishedLayer> published = new ArrayList<>();
    List<DeployedFunction> deployed = new ArrayList<>();
    try (AwsSession aws = ports.open(request.target().aws());
        LayerPublishing publishing =
            new LayerPublishing(
                aws, settings, lock::lockedVersion, log::info, log::warn, request.claims())) {
      AttachedLayerVerifier verifier = new AttachedLayerVerifier(aws.layerVersions());
      try {
        // Shared layers first: a descriptor naming other content stops the deploy before this
        // publish changes anything.
        refuseUnverified(
            verifier.verify(AttachedLayerVerifier.shared(sharedArns, packaging.shared())));
        for (LayerToPublish layer : layers) {
          publishing.publish(
              layer,
              done -> {
                published.addAll(done);
                lock.record(done);
                done.forEach(this::logLayer);
              });
        }
        if (toDeploy != null) {
          refuseUnverified(
              verifier.verify(
                  AttachedLayerVerifier.own(published, request.records().lockfileName())));
          FunctionDeployment deployment =
              new FunctionDeployment(
                  aws,
                  settings,
                  new FunctionDeployment.Timing(
                      request.target().updateTimeout(), Duration.ofMillis(500)),
                  log::info);
          deployed.addAll(
              deployment.deploy(
                  toDeploy, packaging, built, published, sharedArns, lock::layerLibraries));
        }
      } finally {
        // What exists is recorded even when a later layer or region failed.
        if (request.layerProject() != null) {
          LayerJob.writeDescriptor(
              request.layerProject().id(),
              packaging,
              built,
              request.records().lockfile(),
              request.layerProject().descriptorFile());
        }
        PublishRecords.write(
            request.records().outputDirectory(),
            request.records().terraformVarsFile(),
            false,
            published,
            deployed);
      }
    }
    return new Outcome(false, settings.regions(), layers, List.of(), published, deployed);
  }

  /** Stops the deploy, before any function call, when a layer version is not what was checked. */
  private static void refuseUnverified(List<AttachedLayerVerifier.Mismatch> mismatches) {
    if (!mismatches.isEmpty()) {
      throw new PublishRefusedException(
          PublishRefusedException.Reason.ATTACHED_LAYER_NOT_VERIFIED,
          mismatches.stream().map(AttachedLayerVerifier.Mismatch::message).toList());
    }
  }

  /** Builds what a publish publishes: a layer project has one layer zip and no function zip. */
  public static PackagingResult build(
      FileDigestCache digests, PackagingRequest packaging, boolean layerProject)
      throws IOException {
    LambdaPackager packager = new LambdaPackager(digests);
    return layerProject ? packager.buildLayerProject(packaging) : packager.build(packaging);
  }

  private void logLayer(PublishedLayer p) {
    log.info(
        String.format(
            Locale.ROOT,
            "  layer %-20s %-14s %s  %s%s",
            p.layerName(),
            p.region(),
            p.layerVersionArn(),
            p.outcome().name().toLowerCase(Locale.ROOT),
            p.uploadedBytes() > 0
                ? String.format(Locale.ROOT, " (%,d bytes uploaded)", p.uploadedBytes())
                : ""));
  }
}
