package dev.lambdalayer.core.job;

import dev.lambdalayer.core.lock.EnvironmentRecords;
import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.port.CodeReader;
import dev.lambdalayer.core.promote.ForeignLayers;
import dev.lambdalayer.core.promote.FunctionPromotion;
import dev.lambdalayer.core.promote.PromoteRefusedException;
import dev.lambdalayer.core.promote.PromotionDryRun;
import dev.lambdalayer.core.promote.SourceCheck;
import dev.lambdalayer.core.promote.VerifiedZips;
import dev.lambdalayer.core.publish.AttachedLayerVerifier;
import dev.lambdalayer.core.publish.LayerPublishing;
import dev.lambdalayer.core.publish.LayerSharing;
import dev.lambdalayer.core.publish.LayerToPublish;
import dev.lambdalayer.core.publish.PublishSettings;
import dev.lambdalayer.core.publish.PublishedLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code lambda:promote} as one job: deploys to the target environment exactly what the source
 * environment runs. It reads the source's record from the lockfile, checks it against AWS (refusing
 * when they disagree), takes each zip by content from this build's zips or downloads it from the
 * source and checks its hash (nothing is rebuilt), publishes each layer once per content and region
 * in the target, deploys the same function code with the same layer list, moves the alias and
 * records the target environment.
 */
public final class PromoteJob {

  /**
   * One side of a promotion.
   *
   * @param environment its name
   * @param aws how to reach its account
   * @param regions its configured regions (the source: which records to check; none, all)
   * @param function the target's function; ignored for the source, whose record names it
   * @param alias the target's alias; null to update {@code $LATEST} only
   */
  public record Side(
      String environment, AwsSettings aws, List<String> regions, String function, String alias) {

    public Side {
      regions = List.copyOf(regions);
    }
  }

  /**
   * What to promote and how.
   *
   * @param zipDirectories where this build's zips are looked for by hash
   * @param downloads where zips downloaded from the source are kept
   * @param shares who may use the target's layer versions, as configured (see {@link Share#parse});
   *     the grants on every promoted version are made equal to it
   * @param sharePublicly whether a share with everyone is allowed
   */
  public record Request(
      Side source,
      Side target,
      Path lockfile,
      String lockfileName,
      List<Path> zipDirectories,
      Path downloads,
      boolean dryRun,
      Duration updateTimeout,
      List<String> shares,
      boolean sharePublicly) {

    public Request {
      zipDirectories = List.copyOf(zipDirectories);
      shares = List.copyOf(shares);
    }
  }

  /**
   * What a promotion did, or in a dry run would do.
   *
   * @param layers every promoted layer in every target region
   * @param functions the function in every target region; empty for a layer project
   * @param downloaded how many zips came from the source (the others from this build)
   */
  public record Outcome(
      boolean dryRun,
      List<String> dryRunLines,
      List<String> regions,
      List<PublishedLayer> layers,
      List<FunctionPromotion.Result> functions,
      int downloaded) {

    public Outcome {
      dryRunLines = List.copyOf(dryRunLines);
      regions = List.copyOf(regions);
      layers = List.copyOf(layers);
      functions = List.copyOf(functions);
    }
  }

  private final AwsPorts ports;
  private final JobLog log;

  public PromoteJob(AwsPorts ports, JobLog log) {
    this.ports = ports;
    this.log = log;
  }

  /**
   * Promotes.
   *
   * @throws PromoteRefusedException when the source's record is missing or disagrees with AWS, a
   *     zip's hash is wrong, or the target cannot take the function
   * @throws InvalidConfigurationException when the target has no region
   * @throws AwsCallException when AWS fails
   * @throws LockfileException when the lockfile cannot be read
   */
  public Outcome run(Request request) throws IOException, InterruptedException {
    Side source = request.source();
    Side target = request.target();
    if (source.environment().equals(target.environment())) {
      throw new PromoteRefusedException(
          PromoteRefusedException.Reason.SAME_ENVIRONMENT,
          List.of("source and target are both environment '" + source.environment() + "'"));
    }
    List<Lockfile.Deployment> records = sourceRecords(request);
    Lockfile.Deployment primary = records.get(0);
    if (primary.function() != null && target.function() == null) {
      throw new PromoteRefusedException(
          PromoteRefusedException.Reason.NO_TARGET_FUNCTION,
          List.of(
              "environment '"
                  + source.environment()
                  + "' runs function '"
                  + primary.function().name()
                  + "', environment '"
                  + target.environment()
                  + "' names no function to deploy it to"));
    }
    List<String> regions =
        request.dryRun() ? target.regions() : ports.regions(target.regions(), target.aws());
    if (regions.isEmpty()) {
      throw new InvalidConfigurationException(
          PublishSettings.noRegion(
              "environment '"
                  + target.environment()
                  + "' has no region, and the AWS SDK found none"));
    }
    List<Share> shares = request.shares().stream().map(Share::parse).toList();
    List<Violation> publicShare = LayerSharing.publicWithoutOptIn(shares, request.sharePublicly());
    if (!publicShare.isEmpty()) {
      throw new InvalidConfigurationException(publicShare);
    }
    // Layers the project does not own keep their ARN, so they must already be where the target is.
    List<String> foreign = ForeignLayers.of(primary);
    ForeignLayers.requireInRegions(foreign, regions);
    if (request.dryRun()) {
      List<String> lines =
          new ArrayList<>(
              PromotionDryRun.lines(
                  records, target.environment(), regions, target.function(), target.alias()));
      lines.add(LayerSharing.dryRunLine(shares));
      return new Outcome(true, lines, regions, List.of(), List.of(), 0);
    }

    // 1. The source: the record against AWS, then every zip by content.
    Map<String, CodeReader.LayerContent> contents = new LinkedHashMap<>();
    CodeReader.FunctionCode sourceFunction = null;
    Map<String, VerifiedZips.Zip> layerZips = new LinkedHashMap<>();
    VerifiedZips.Zip functionZip = null;
    VerifiedZips zips = new VerifiedZips(request.zipDirectories(), request.downloads());
    int downloaded = 0;
    try (AwsSession aws = ports.open(source.aws())) {
      CodeReader code = aws.code();
      List<String> differences = new ArrayList<>();
      for (Lockfile.Deployment record : records) {
        CodeReader.FunctionCode function =
            record.function() == null
                ? null
                : code.getFunction(
                    record.region(),
                    record.function().name(),
                    SourceCheck.qualifier(record.function()));
        Map<String, Optional<CodeReader.LayerContent>> layers = new LinkedHashMap<>();
        for (String arn : SourceCheck.layerArns(record)) {
          layers.put(arn, code.getLayerVersion(record.region(), arn));
        }
        differences.addAll(SourceCheck.differences(record, function, layers));
        if (record == primary) {
          sourceFunction = function;
          layers.forEach((arn, content) -> content.ifPresent(c -> contents.put(arn, c)));
        }
      }
      if (!differences.isEmpty()) {
        throw new PromoteRefusedException(
            PromoteRefusedException.Reason.RECORD_DISAGREES, differences);
      }
      log.info(
          "Environment '"
              + source.environment()
              + "' runs what "
              + request.lockfileName()
              + " records in "
              + records.stream().map(Lockfile.Deployment::region).toList()
              + " (checked against AWS).");
      for (Map.Entry<String, CodeReader.LayerContent> e : contents.entrySet()) {
        String arn = e.getKey();
        if (foreign.contains(arn)) {
          continue;
        }
        CodeReader.LayerContent content = e.getValue();
        String name = Arns.layerName(arn).orElse("layer");
        VerifiedZips.Zip zip =
            obtain(
                zips,
                "layer " + name + " (" + arn + ")",
                name,
                content.codeSha256(),
                file -> code.download(primary.region(), content.location(), file));
        downloaded += zip.downloaded() ? 1 : 0;
        layerZips.put(arn, zip);
      }
      if (sourceFunction != null) {
        CodeReader.FunctionCode function = sourceFunction;
        functionZip =
            obtain(
                zips,
                "function " + primary.function().name() + " version " + function.version(),
                "function-" + safe(primary.function().name()),
                function.codeSha256(),
                file -> code.download(primary.region(), function.location(), file));
        downloaded += functionZip.downloaded() ? 1 : 0;
      }
    }
    checkSizes(layerZips, functionZip);

    // 2. The target: layers once per content and region, then the function, then the record.
    List<PublishedLayer> published = new ArrayList<>();
    Map<String, List<PublishedLayer>> byArn = new LinkedHashMap<>();
    List<FunctionPromotion.Result> functions = new ArrayList<>();
    boolean verified = false;
    Optional<Lockfile> lock = LockfileCodec.read(request.lockfile());
    PublishSettings settings = new PublishSettings(regions, null, null, shares);
    try (AwsSession aws = ports.open(target.aws());
        LayerPublishing publishing =
            new LayerPublishing(
                aws, settings, lockedIn(lock, target.environment()), log::info, log::warn, null)) {
      try {
        for (Map.Entry<String, VerifiedZips.Zip> e : layerZips.entrySet()) {
          CodeReader.LayerContent content = contents.get(e.getKey());
          VerifiedZips.Zip zip = e.getValue();
          LayerToPublish layer =
              new LayerToPublish(
                  Arns.layerName(e.getKey()).orElseThrow(),
                  zip.file(),
                  zip.sha256(),
                  zip.size(),
                  0,
                  content.runtimes(),
                  content.architectures());
          List<PublishedLayer> done =
              publishing.publish(
                  layer,
                  d -> {
                    published.addAll(d);
                    d.forEach(this::logLayer);
                  });
          byArn.put(e.getKey(), done);
        }
        // As lambda:publish does: a target version found by its description (and a layer the
        // project does not own, kept by ARN) must really hold the source's content before the
        // function is pointed at it or the environment records it.
        List<AttachedLayerVerifier.Mismatch> mismatches =
            new AttachedLayerVerifier(aws.layerVersions())
                .verify(attached(byArn, foreign, contents, regions, source.environment()));
        if (!mismatches.isEmpty()) {
          throw new PromoteRefusedException(
              PromoteRefusedException.Reason.TARGET_LAYER_NOT_VERIFIED,
              mismatches.stream().map(AttachedLayerVerifier.Mismatch::message).toList());
        }
        verified = true;
        if (functionZip != null) {
          FunctionPromotion promotion =
              new FunctionPromotion(
                  aws.functions(),
                  aws.functionDeployer(),
                  request.updateTimeout(),
                  Duration.ofMillis(500),
                  log::info);
          for (String region : regions) {
            List<String> layerList = new ArrayList<>();
            for (String arn : primary.function().layers()) {
              layerList.add(
                  foreign.contains(arn) ? arn : inRegion(byArn.get(arn), region).layerVersionArn());
            }
            functions.add(
                promotion.promote(
                    region,
                    target.function(),
                    functionZip,
                    layerList,
                    target.alias(),
                    "promoted from " + source.environment() + " sha256:" + functionZip.sha256()));
          }
        }
      } finally {
        // What was done is recorded even when a later region failed, so the lockfile matches
        // AWS; unverified layer versions are not recorded.
        if (verified) {
          EnvironmentRecords.record(
              request.lockfile(),
              targetRecords(
                  target.environment(),
                  regions,
                  published,
                  functions,
                  functionZip,
                  byArn,
                  foreign,
                  primary));
        }
      }
    }
    return new Outcome(false, List.of(), regions, published, functions, downloaded);
  }

  /** The target's layer versions, each expected to hold the source version's content. */
  private static List<AttachedLayerVerifier.AttachedLayer> attached(
      Map<String, List<PublishedLayer>> byArn,
      List<String> foreign,
      Map<String, CodeReader.LayerContent> contents,
      List<String> regions,
      String from) {
    List<AttachedLayerVerifier.AttachedLayer> layers = new ArrayList<>();
    byArn.forEach(
        (sourceArn, done) ->
            done.forEach(
                p ->
                    layers.add(
                        new AttachedLayerVerifier.AttachedLayer(
                            p.layerName(),
                            p.region(),
                            p.layerVersionArn(),
                            contents.get(sourceArn).codeSha256(),
                            AttachedLayerVerifier.Origin.PROMOTED,
                            "environment '" + from + "' (" + sourceArn + ")"))));
    for (String arn : foreign) {
      for (String region : regions) {
        layers.add(
            new AttachedLayerVerifier.AttachedLayer(
                Arns.layerName(arn).orElse(arn),
                region,
                arn,
                contents.get(arn).codeSha256(),
                AttachedLayerVerifier.Origin.PROMOTED,
                "environment '" + from + "' (" + arn + ")"));
      }
    }
    return layers;
  }

  /** The source's records, in the order of its configured regions (all of them when none). */
  private static List<Lockfile.Deployment> sourceRecords(Request request) throws IOException {
    String from = request.source().environment();
    List<Lockfile.Deployment> all =
        LockfileCodec.read(request.lockfile()).map(l -> l.environment(from)).orElse(List.of());
    List<String> configured = request.source().regions();
    List<Lockfile.Deployment> records = new ArrayList<>();
    if (configured.isEmpty()) {
      records.addAll(all);
    } else {
      for (String region : configured) {
        all.stream().filter(d -> d.region().equals(region)).forEach(records::add);
      }
    }
    if (records.isEmpty()) {
      throw new PromoteRefusedException(
          PromoteRefusedException.Reason.NO_RECORD,
          List.of(
              request.lockfileName()
                  + " records nothing environment '"
                  + from
                  + "' runs"
                  + (configured.isEmpty() ? "" : " in " + configured)
                  + (all.isEmpty()
                      ? ""
                      : " (it has records for "
                          + all.stream().map(Lockfile.Deployment::region).toList()
                          + ")")));
    }
    return records;
  }

  private VerifiedZips.Zip obtain(
      VerifiedZips zips,
      String what,
      String name,
      String codeSha256,
      VerifiedZips.Download download)
      throws IOException {
    VerifiedZips.Zip local = zips.local(codeSha256);
    if (local != null) {
      log.info(
          String.format(
              Locale.ROOT,
              "  %s: taken from %s (CodeSha256 %s verified), not rebuilt.",
              what,
              local.file().getFileName(),
              codeSha256));
      return local;
    }
    VerifiedZips.Zip zip = zips.download(what, safe(name), codeSha256, download);
    log.info(
        String.format(
            Locale.ROOT,
            "  %s: downloaded and verified (CodeSha256 %s, %,d bytes), not rebuilt.",
            what,
            codeSha256,
            zip.size()));
    return zip;
  }

  private static void checkSizes(Map<String, VerifiedZips.Zip> layers, VerifiedZips.Zip function) {
    List<String> tooLarge = new ArrayList<>();
    layers.forEach(
        (arn, zip) -> {
          if (zip.size() > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES) {
            tooLarge.add("layer version " + arn + " is " + zip.size() + " bytes zipped");
          }
        });
    if (function != null && function.size() > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES) {
      tooLarge.add("the function zip is " + function.size() + " bytes zipped");
    }
    if (!tooLarge.isEmpty()) {
      throw new PromoteRefusedException(PromoteRefusedException.Reason.TOO_LARGE, tooLarge);
    }
  }

  /** The target's recorded version of a layer content in a region, so a rerun publishes nothing. */
  private static LayerPublishing.LockedVersions lockedIn(
      Optional<Lockfile> lock, String environment) {
    return (name, sha256, region) ->
        lock.map(l -> l.environment(environment)).orElse(List.of()).stream()
            .filter(d -> d.region().equals(region))
            .flatMap(d -> d.layers().stream())
            .filter(l -> l.name().equals(name) && l.codeSha256().equals(Hashes.toBase64(sha256)))
            .map(l -> l.layerVersionArn().substring(l.layerVersionArn().lastIndexOf(':') + 1))
            .map(v -> OptionalLong.of(Long.parseLong(v)))
            .findFirst()
            .orElse(OptionalLong.empty());
  }

  private static PublishedLayer inRegion(List<PublishedLayer> layers, String region) {
    return layers.stream().filter(p -> p.region().equals(region)).findFirst().orElseThrow();
  }

  private static List<Lockfile.Deployment> targetRecords(
      String environment,
      List<String> regions,
      List<PublishedLayer> published,
      List<FunctionPromotion.Result> functions,
      VerifiedZips.Zip functionZip,
      Map<String, List<PublishedLayer>> byArn,
      List<String> foreign,
      Lockfile.Deployment primary) {
    List<Lockfile.Deployment> out = new ArrayList<>();
    for (String region : regions) {
      boolean promoted = functions.stream().anyMatch(f -> f.region().equals(region));
      if (primary.function() != null && !promoted) {
        // The function there was not changed: its record stays as it was (none if it had none).
        continue;
      }
      List<Lockfile.DeployedLayer> layers =
          published.stream()
              .filter(p -> p.region().equals(region))
              .map(
                  p ->
                      new Lockfile.DeployedLayer(
                          p.layerName(), p.layerVersionArn(), p.codeSha256()))
              .toList();
      Lockfile.DeployedFunction function =
          functions.stream()
              .filter(f -> f.region().equals(region))
              .findFirst()
              .map(
                  f ->
                      new Lockfile.DeployedFunction(
                          f.function(),
                          f.alias(),
                          f.version(),
                          functionZip.codeSha256(),
                          primary.function().layers().stream()
                              .map(
                                  arn ->
                                      foreign.contains(arn)
                                          ? arn
                                          : inRegion(byArn.get(arn), region).layerVersionArn())
                              .toList()))
              .orElse(null);
      out.add(new Lockfile.Deployment(environment, region, layers, function));
    }
    return out;
  }

  private void logLayer(PublishedLayer p) {
    log.info(
        String.format(
            Locale.ROOT,
            "  layer %-20s %-14s %s  %s",
            p.layerName(),
            p.region(),
            p.layerVersionArn(),
            p.outcome().name().toLowerCase(Locale.ROOT)));
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "-");
  }
}
