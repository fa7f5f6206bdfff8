package dev.lambdalayer.maven;

import dev.lambdalayer.core.AwsCallException;
import dev.lambdalayer.core.AwsPorts;
import dev.lambdalayer.core.AwsSession;
import dev.lambdalayer.core.ClassPathInput;
import dev.lambdalayer.core.DeployedFunction;
import dev.lambdalayer.core.FileDigestCache;
import dev.lambdalayer.core.FunctionDeployment;
import dev.lambdalayer.core.FunctionToDeploy;
import dev.lambdalayer.core.InvalidConfigurationException;
import dev.lambdalayer.core.LayerPublishing;
import dev.lambdalayer.core.LayerToPublish;
import dev.lambdalayer.core.PackagingRequest;
import dev.lambdalayer.core.PackagingResult;
import dev.lambdalayer.core.PublishDryRun;
import dev.lambdalayer.core.PublishLockfile;
import dev.lambdalayer.core.PublishRecords;
import dev.lambdalayer.core.PublishSettings;
import dev.lambdalayer.core.PublishedLayer;
import dev.lambdalayer.core.Share;
import dev.lambdalayer.core.SharedLayerArns;
import dev.lambdalayer.core.Violation;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Publishes each layer once per content and region, deploys the slim function, and records what was
 * published: the lockfile's {@code published} entries (after each layer), project properties {@code
 * lambda.layer.<name>.arn} and {@code lambda.layer.<name>.<region>.arn}, {@code
 * target/lambda/publish.json}, CloudFormation/SAM parameter files and a Terraform {@code
 * *.auto.tfvars.json}.
 *
 * <p>A layer whose content (SHA-256 of its reproducible zip) is already published in a region is
 * reused: the lockfile's version confirmed by {@code GetLayerVersion}, else a version whose
 * Description carries the hash. Publishing needs the network; {@code -Dlambda.dryRun} prints what
 * would happen and calls nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class PublishMojo extends AbstractAwsMojo {

  /**
   * The S3 bucket for zips over Lambda's 50 MB direct-upload limit; {@code {region}} is replaced
   * with each region's name (a bucket must be in the region it serves). Keys are content-addressed
   * ({@code lambda-layers/<name>/<sha256>.zip}): an object already there is not uploaded again.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.s3Bucket")
  private String s3Bucket;

  /**
   * The layer versions' {@code LicenseInfo}: an SPDX id or a URL, up to 512 characters.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.licenseInfo")
  private String licenseInfo;

  /**
   * Who may use the layer versions: 12-digit account ids, organization ids ({@code o-...}), or
   * {@code *} for everyone (only when written explicitly). Granting is idempotent.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.share")
  private List<String> share = new ArrayList<>();

  /**
   * An alias of {@code <function>} to move to a newly published version once every region
   * succeeded. Unset, only {@code $LATEST} is updated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.alias")
  private String alias;

  /**
   * Prints what would be uploaded, published and updated, and calls nothing.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.dryRun", defaultValue = "false")
  private boolean dryRun;

  /**
   * Seconds to wait for a function update to leave {@code InProgress}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.updateTimeout", defaultValue = "300")
  private int updateTimeout;

  /**
   * The Terraform variables file: {@code lambda_layer_arns}, a map of layer name to region to ARN.
   * Point it into your Terraform directory (it must end in {@code .auto.tfvars.json} to be read
   * automatically).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.terraformVarsFile",
      defaultValue = "${project.build.directory}/lambda/lambda-layers.auto.tfvars.json")
  private File terraformVarsFile;

  @Inject
  public PublishMojo(RuntimeGraphResolver resolver, AwsPorts ports) {
    super(resolver, ports);
  }

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    long start = System.nanoTime();
    if (session.isOffline() && !dryRun) {
      throw new MojoFailureException(
          "lambda:publish needs the network to reach AWS, but Maven runs offline (-o). Run it"
              + " without -o, or add -Dlambda.dryRun to see what it would do.");
    }
    FileDigestCache digests =
        FileDigestCache.load(outputDirectory.toPath().resolve(".state/file-digests.txt"));
    PackagingRequest request = packagingRequest(digests, true);
    PackagingResult built = build(digests, request);
    if (built.function() == null && functionName() != null) {
      throw new MojoFailureException(
          "A layer project has no function to deploy: remove <function> (-Dlambda.function), or"
              + " set <layerProject>false</layerProject>.");
    }
    if (built.function() != null) {
      // Never deploy what would die at cold start: the same check lambda:layer runs.
      verifyClassPath(ClassPathInput.of(request, built));
    }

    List<LayerToPublish> layersToPublish =
        built.layers().stream()
            .map(b -> LayerToPublish.of(b, request.runtimes(), request.architectures()))
            .toList();
    PublishSettings settings =
        new PublishSettings(
            resolveRegions(!dryRun),
            blankToNull(s3Bucket),
            blankToNull(licenseInfo),
            share.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Share::parse).toList());
    List<Violation> violations =
        settings.check(layersToPublish, functionName() == null ? null : built.function());
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    // Shared layers: each needs a version in every region before anything is published.
    Map<String, List<PublishedLayer>> sharedArns =
        functionName() == null
            ? Map.of()
            : SharedLayerArns.forRegions(request.shared(), settings.regions());

    PublishLockfile lock = PublishLockfile.open(lockfile.toPath(), lockfileName(), request, built);
    refuseIntegrityFailures(lock);
    // One value for the dry run and the deploy, so the dry run prints what the deploy would use.
    FunctionToDeploy toDeploy =
        functionName() == null
            ? null
            : FunctionToDeploy.of(functionName(), built.function(), alias, lock.retiredLayers());
    if (dryRun) {
      getLog().info("Dry run (-Dlambda.dryRun): nothing is called, uploaded or written to AWS.");
      PublishDryRun.layerLines(settings, layersToPublish, lock::lockedVersion)
          .forEach(getLog()::info);
      if (toDeploy != null) {
        PublishDryRun.functionLines(settings.regions(), toDeploy).forEach(getLog()::info);
      }
      return;
    }

    List<PublishedLayer> published = new ArrayList<>();
    List<DeployedFunction> deployed = new ArrayList<>();
    try (AwsSession aws = ports.open(awsSettings());
        LayerPublishing publishing =
            new LayerPublishing(
                aws, settings, lock::lockedVersion, getLog()::info, reactorLayerCache())) {
      try {
        for (LayerToPublish layer : layersToPublish) {
          publishing.publish(
              layer,
              done -> {
                published.addAll(done);
                lock.record(done);
                done.forEach(this::logLayer);
              });
        }
        if (toDeploy != null) {
          deployed.addAll(
              functionDeployment(aws, settings)
                  .deploy(toDeploy, request, built, published, sharedArns, lock::layerLibraries));
        }
      } finally {
        recordProperties(settings, published);
        if (isLayerProject()) {
          writeLayerDescriptor(request, built); // the ARNs, before install/deploy copies it
        }
        PublishRecords.write(
            outputDirectory.toPath(), terraformVarsFile.toPath(), false, published, deployed);
      }
    } catch (AwsCallException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while publishing", e);
    }
    long uploaded =
        published.stream().mapToLong(PublishedLayer::uploadedBytes).sum()
            + deployed.stream().mapToLong(DeployedFunction::uploadedBytes).sum();
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "Published %d layer(s) to %s; %,d bytes uploaded (%d ms). Records: %s, %s.",
                layersToPublish.size(),
                settings.regions(),
                uploaded,
                (System.nanoTime() - start) / 1_000_000,
                lockfileName(),
                outputDirectory.toPath().resolve("publish.json")));
  }

  private FunctionDeployment functionDeployment(AwsSession aws, PublishSettings settings) {
    return new FunctionDeployment(
        aws,
        settings,
        new FunctionDeployment.Timing(Duration.ofSeconds(updateTimeout), Duration.ofMillis(500)),
        getLog()::info);
  }

  /**
   * Shows the drift a publish records; refuses a jar whose bytes are not the locked ones (see
   * {@link PublishLockfile#integrityFailures}).
   */
  private void refuseIntegrityFailures(PublishLockfile lock) throws MojoFailureException {
    lock.recordedDrift()
        .forEach(
            drift ->
                getLog()
                    .warn("Drift from " + lockfileName() + ", recorded by this publish: " + drift));
    List<String> errors = lock.integrityFailures();
    if (!errors.isEmpty()) {
      throw new MojoFailureException(
          "lambda:publish refuses to publish: "
              + String.join("; ", errors)
              + ". Run mvn lambda:audit for the full report; if the new bytes are intended, delete"
              + " the jar from the local repository, let Maven download it again, and run mvn"
              + " lambda:lock.");
    }
  }

  private void logLayer(PublishedLayer p) {
    getLog()
        .info(
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

  private void recordProperties(PublishSettings settings, List<PublishedLayer> published) {
    String first = settings.regions().isEmpty() ? null : settings.regions().get(0);
    for (PublishedLayer p : published) {
      project
          .getProperties()
          .setProperty(
              "lambda.layer." + p.layerName() + "." + p.region() + ".arn", p.layerVersionArn());
      if (p.region().equals(first)) {
        project
            .getProperties()
            .setProperty("lambda.layer." + p.layerName() + ".arn", p.layerVersionArn());
      }
    }
  }
}
