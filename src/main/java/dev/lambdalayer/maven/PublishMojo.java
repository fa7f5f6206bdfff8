package dev.lambdalayer.maven;

import dev.lambdalayer.aws.AwsClients;
import dev.lambdalayer.aws.SdkFunctionDeployer;
import dev.lambdalayer.aws.SdkLayerPublisher;
import dev.lambdalayer.core.Arns;
import dev.lambdalayer.core.AuditReport;
import dev.lambdalayer.core.AwsCallException;
import dev.lambdalayer.core.BuiltZip;
import dev.lambdalayer.core.ClassPathInput;
import dev.lambdalayer.core.DeployedFunction;
import dev.lambdalayer.core.FileDigestCache;
import dev.lambdalayer.core.FunctionDeployment;
import dev.lambdalayer.core.FunctionToDeploy;
import dev.lambdalayer.core.InvalidConfigurationException;
import dev.lambdalayer.core.LayerPublishing;
import dev.lambdalayer.core.LayerToPublish;
import dev.lambdalayer.core.Lockfile;
import dev.lambdalayer.core.LockfileCodec;
import dev.lambdalayer.core.LockfileService;
import dev.lambdalayer.core.PackagingRequest;
import dev.lambdalayer.core.PackagingResult;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
@Mojo(name = "publish", threadSafe = true)
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
  public PublishMojo(RuntimeGraphResolver resolver) {
    super(resolver);
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
    if (built.function() == null && function != null) {
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
    List<Violation> violations = new ArrayList<>(settings.check(layersToPublish));
    if (function != null && built.function().needsS3() && settings.s3Bucket() == null) {
      violations.add(
          new Violation(
              dev.lambdalayer.core.Setting.S3_BUCKET,
              "",
              "the function zip is over Lambda's 50 MB limit for direct upload",
              "name an S3 bucket in each target region"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    // Shared layers: each needs a version in every region before anything is published.
    Map<String, List<PublishedLayer>> sharedArns =
        function == null
            ? Map.of()
            : SharedLayerArns.forRegions(request.shared(), settings.regions());

    Optional<Lockfile> previous = LockfileCodec.read(lockfile.toPath());
    Lockfile[] current = {LockfileService.current(request, built, previous)};
    if (previous.isPresent()) {
      refuseIntegrityFailures(
          LockfileService.compare(lockfileName(), previous.get(), current[0], built));
    }
    if (dryRun) {
      dryRun(settings, layersToPublish, built, current[0]);
      return;
    }

    List<PublishedLayer> published = new ArrayList<>();
    List<DeployedFunction> deployed = new ArrayList<>();
    try (AwsClients clients = new AwsClients(awsSettings());
        LayerPublishing publishing =
            new LayerPublishing(
                new SdkLayerPublisher(clients),
                settings,
                (name, sha, r) -> lockedVersion(current[0], name, sha, r),
                getLog()::info,
                reactorLayerCache())) {
      try {
        for (LayerToPublish layer : layersToPublish) {
          publishing.publish(
              layer,
              done -> {
                published.addAll(done);
                current[0] = PublishRecords.withPublished(current[0], done);
                writeLockfile(current[0]);
                done.forEach(this::logLayer);
              });
        }
        if (function != null) {
          deployed.addAll(
              deploy(clients, settings, built, published, previous, request, sharedArns));
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

  /**
   * Layers this plugin published before (per the lockfile) that the project no longer has, as ARNs
   * without version: the function's layer list drops them, or a renamed layer would stay on the
   * class path next to its successor.
   */
  private static Set<String> retiredLayers(Optional<Lockfile> previous, PackagingResult built) {
    Set<String> current = new HashSet<>();
    built.layers().forEach(layer -> current.add(layer.name()));
    Set<String> retired = new HashSet<>();
    previous.ifPresent(
        lock ->
            lock.layers().stream()
                .filter(layer -> !current.contains(layer.name()))
                .flatMap(layer -> layer.published().stream())
                .forEach(p -> retired.add(Arns.withoutVersion(p.layerVersionArn()))));
    return retired;
  }

  private List<DeployedFunction> deploy(
      AwsClients clients,
      PublishSettings settings,
      PackagingResult built,
      List<PublishedLayer> published,
      Optional<Lockfile> previous,
      PackagingRequest request,
      Map<String, List<PublishedLayer>> sharedArns)
      throws InterruptedException {
    BuiltZip zip = built.function();
    FunctionToDeploy target =
        new FunctionToDeploy(
            function.trim(),
            zip.zip().file(),
            zip.zip().sha256(),
            zip.zip().zippedBytes(),
            zip.zip().unzippedBytes(),
            blankToNull(alias),
            retiredLayers(previous, built));
    FunctionDeployment deployment =
        new FunctionDeployment(
            new SdkFunctionDeployer(clients),
            settings,
            new FunctionDeployment.Timing(
                Duration.ofSeconds(updateTimeout), Duration.ofMillis(500)),
            getLog()::info);
    Map<String, Long> sizes = new HashMap<>();
    built.layers().forEach(l -> sizes.put(l.name(), l.zip().unzippedBytes()));
    request.shared().layers().forEach(s -> sizes.put(s.name(), s.descriptor().unzippedBytes()));
    deployment.layerSizes(sizes);
    Map<String, List<PublishedLayer>> own = new LinkedHashMap<>();
    published.forEach(p -> own.computeIfAbsent(p.region(), r -> new ArrayList<>()).add(p));
    Map<String, List<PublishedLayer>> byRegion =
        SharedLayerArns.merge(own, sharedArns, request.shared().first());
    // What each previously published layer version held, to see libraries move into the function.
    Map<String, Set<String>> layerLibraries = new HashMap<>();
    previous.ifPresent(
        lock ->
            lock.layers()
                .forEach(
                    layer -> {
                      Set<String> keys =
                          layer.libraries().stream()
                              .map(l -> l.coordinates().key())
                              .collect(Collectors.toSet());
                      layer.published().forEach(p -> layerLibraries.put(p.layerVersionArn(), keys));
                    }));
    Set<String> functionLibraries =
        built.plan().functionLibraries().stream()
            .map(a -> a.coordinates().key())
            .collect(Collectors.toSet());
    return deployment.deploy(
        target, byRegion, arn -> layerLibraries.getOrDefault(arn, Set.of()), functionLibraries);
  }

  private void dryRun(
      PublishSettings settings, List<LayerToPublish> layers, PackagingResult built, Lockfile lock) {
    getLog().info("Dry run (-Dlambda.dryRun): nothing is called, uploaded or written to AWS.");
    for (LayerToPublish layer : layers) {
      for (String r : settings.regions()) {
        OptionalLong locked = lockedVersion(lock, layer.name(), layer.sha256(), r);
        String upload =
            layer.needsS3()
                ? String.format(
                    Locale.ROOT,
                    "upload %s (%,d bytes) to s3://%s/%s unless already there",
                    layer.zip().getFileName(),
                    layer.zippedBytes(),
                    settings.bucket(r),
                    layer.s3Key())
                : String.format(
                    Locale.ROOT,
                    "upload %s (%,d bytes) inline",
                    layer.zip().getFileName(),
                    layer.zippedBytes());
        getLog()
            .info(
                String.format(
                    "Layer '%s' %s sha256 %s: %s; else %s and PublishLayerVersion (runtimes %s,"
                        + " architectures %s%s, Description \"%s\")%s.",
                    layer.name(),
                    r,
                    layer.sha256().substring(0, 12),
                    locked.isPresent()
                        ? "reuse locked version "
                            + locked.getAsLong()
                            + " if GetLayerVersion confirms it"
                        : "reuse a version whose Description carries " + layer.hashMarker(),
                    upload,
                    layer.runtimes(),
                    layer.architectures(),
                    settings.licenseInfo() == null ? "" : ", license " + settings.licenseInfo(),
                    layer.description(),
                    settings.shares().isEmpty() ? "" : "; share with " + settings.shares()));
      }
    }
    if (function != null) {
      for (String r : settings.regions()) {
        getLog()
            .info(
                String.format(
                    Locale.ROOT,
                    "Function '%s' %s: UpdateFunctionCode with %s (%,d bytes, CodeSha256 %s)"
                        + " unless equal; UpdateFunctionConfiguration with the layers above, other"
                        + " layers kept%s.",
                    function,
                    r,
                    built.function().zip().file().getFileName(),
                    built.function().zip().zippedBytes(),
                    built.function().zip().codeSha256(),
                    alias == null ? "" : "; PublishVersion and move alias '" + alias + "'"));
      }
    }
  }

  /**
   * A jar whose bytes differ from the locked ones under the same coordinates must never be
   * published: that is the swap the lockfile exists to catch. Other drift is what a publish
   * records, so it is shown (it will be in the lockfile's diff) but does not stop the publish.
   */
  private void refuseIntegrityFailures(AuditReport drift) throws MojoFailureException {
    List<String> errors = new ArrayList<>();
    for (AuditReport.Finding finding : drift.findings()) {
      if (finding.severity() == AuditReport.Severity.ERROR) {
        errors.add(finding.subject() + ": " + finding.message());
      } else {
        getLog()
            .warn(
                "Drift from "
                    + lockfileName()
                    + ", recorded by this publish: "
                    + finding.message());
      }
    }
    if (!errors.isEmpty()) {
      throw new MojoFailureException(
          "lambda:publish refuses to publish: "
              + String.join("; ", errors)
              + ". Run mvn lambda:audit for the full report; if the new bytes are intended, delete"
              + " the jar from the local repository, let Maven download it again, and run mvn"
              + " lambda:lock.");
    }
  }

  private static OptionalLong lockedVersion(Lockfile lock, String name, String sha256, String r) {
    return lock.layer(name)
        .filter(l -> l.sha256().equals(sha256))
        .flatMap(l -> l.published().stream().filter(p -> p.region().equals(r)).findFirst())
        .map(p -> OptionalLong.of(p.version()))
        .orElse(OptionalLong.empty());
  }

  private void writeLockfile(Lockfile lock) {
    try {
      LockfileCodec.write(lock, lockfile.toPath());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
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
