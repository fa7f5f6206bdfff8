package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.model.Joined;
import dev.lambdalayer.core.plan.ReactorClaim;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.LayerPublisher;
import dev.lambdalayer.core.port.LayerVersionInfo;
import dev.lambdalayer.core.port.LayerVersionReader;
import dev.lambdalayer.core.port.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Publishes each layer once per content and region: reuses the locked or an already published
 * version with the same hash, else uploads and publishes, then settles on the lowest version with
 * that hash so concurrent publishers record the same ARN, deleting its own duplicate (see {@link
 * DuplicateVersions}). Regions run concurrently.
 */
public final class LayerPublishing implements AutoCloseable {

  /** The version the lockfile records for a layer's content in a region, if any. */
  @FunctionalInterface
  public interface LockedVersions {
    OptionalLong version(String layerName, String sha256, String region);
  }

  private final LayerVersionReader versions;
  private final LayerPublisher publisher;
  private final ObjectStore objects;
  private final PublishSettings settings;
  private final LockedVersions locked;
  private final Consumer<String> log;
  private final ExecutorService executor;
  private final Path claims;
  private final DuplicateCleanup duplicates;
  private final LayerSharing sharing;

  /** Reports warnings (duplicate versions, removed grants) through {@code log} too. */
  public LayerPublishing(
      AwsSession aws, PublishSettings settings, LockedVersions locked, Consumer<String> log) {
    this(aws, settings, locked, log, log, null);
  }

  /**
   * @param warn where a duplicate version (its cause and its deletion) and a removed grant (not
   *     among the declared shares) are reported
   * @param claims where the modules of one reactor build claim the publication of a layer content
   *     in a region, so that under {@code -T} one module publishes it and the others find it
   *     (instead of publishing a duplicate version side by side); null outside a reactor
   */
  public LayerPublishing(
      AwsSession aws,
      PublishSettings settings,
      LockedVersions locked,
      Consumer<String> log,
      Consumer<String> warn,
      Path claims) {
    this.claims = claims;
    this.duplicates = new DuplicateCleanup(aws.functions(), aws.layerPublisher(), warn);
    this.sharing = new LayerSharing(aws.layerPublisher(), settings.shares(), log, warn);
    this.versions = aws.layerVersions();
    this.publisher = aws.layerPublisher();
    this.objects = aws.objects();
    this.settings = settings;
    this.locked = locked;
    this.log = log;
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(settings.regions().size(), 8)),
            r -> {
              Thread t = new Thread(r, "lambda-publish");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Publishes one layer to every region concurrently. Results that succeeded are handed to {@code
   * record} before a failure of another region is thrown, so nothing that exists goes unrecorded.
   */
  public List<PublishedLayer> publish(LayerToPublish layer, Consumer<List<PublishedLayer>> record)
      throws InterruptedException {
    List<Future<PublishedLayer>> futures = new ArrayList<>();
    for (String region : settings.regions()) {
      futures.add(executor.submit(() -> publish(layer, region)));
    }
    Joined<PublishedLayer> joined = Joined.of(futures);
    // Regions that succeeded are recorded before another region's failure is reported.
    record.accept(joined.done());
    return joined.orThrow();
  }

  /** One layer in one region. */
  PublishedLayer publish(LayerToPublish layer, String region) {
    String name = layer.name();
    OptionalLong lockedVersion = locked.version(name, layer.sha256(), region);
    if (lockedVersion.isPresent()) {
      Optional<LayerVersionInfo> remote =
          versions.getLayerVersion(region, name, lockedVersion.getAsLong());
      if (remote.isPresent()
          && layer.codeSha256().equals(remote.get().codeSha256())
          && remote.get().description() != null
          && remote.get().description().contains(layer.hashMarker())) {
        share(layer, region, remote.get());
        return result(layer, region, remote.get(), PublishedLayer.Outcome.LOCKED, 0);
      }
      log.accept(
          String.format(
              "Layer '%s' %s: the locked version %d %s; looking for another.",
              name,
              region,
              lockedVersion.getAsLong(),
              remote.isEmpty()
                  ? "no longer exists"
                  : layer.codeSha256().equals(remote.get().codeSha256())
                      ? "declares other runtimes or architectures"
                      : "holds other content"));
    }
    Path claim = claim(layer, region);
    try {
      return publishOrFind(layer, region);
    } finally {
      release(claim);
    }
  }

  /** Waits until no other module of the reactor publishes this content to this region. */
  private Path claim(LayerToPublish layer, String region) {
    if (claims == null) {
      return null;
    }
    try {
      return ReactorClaim.await(
          claims.resolve("publish-" + layer.sha256() + "-" + region + ".claim"));
    } catch (IOException e) {
      return null; // without the claim, settling on the lowest version still agrees on one ARN
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to publish " + layer.name(), e);
    }
  }

  private static void release(Path claim) {
    try {
      ReactorClaim.release(claim);
    } catch (IOException e) {
      // A claim left behind names this live process; the next build takes it over.
    }
  }

  private PublishedLayer publishOrFind(LayerToPublish layer, String region) {
    String name = layer.name();
    List<LayerVersionInfo> before = versions.listLayerVersions(region, name);
    Optional<LayerVersionInfo> existing = lowestWithHash(layer, before);
    if (existing.isPresent()) {
      share(layer, region, existing.get());
      return result(layer, region, existing.get(), PublishedLayer.Outcome.FOUND, 0);
    }

    long uploaded = 0;
    LayerPublisher.Code code;
    if (layer.needsS3()) {
      String bucket = settings.bucket(region);
      if (!objects.exists(region, bucket, layer.s3Key())) {
        objects.put(region, bucket, layer.s3Key(), layer.zip(), layer.zippedBytes());
        uploaded = layer.zippedBytes();
      }
      code = new LayerPublisher.Code.S3(bucket, layer.s3Key());
    } else {
      code = new LayerPublisher.Code.Inline(layer.zip());
      uploaded = layer.zippedBytes();
    }
    LayerPublisher.Published answer =
        publisher.publishCounted(
            region,
            new LayerPublisher.LayerVersionRequest(
                name,
                code,
                layer.description(),
                layer.runtimes(),
                layer.architectures(),
                settings.licenseInfo()));
    LayerVersionInfo published = answer.version();
    if (published.codeSha256() != null && !layer.codeSha256().equals(published.codeSha256())) {
      throw new AwsCallException(
          "PublishLayerVersion",
          "layer '" + name + "'",
          region,
          "Lambda reports CodeSha256 "
              + published.codeSha256()
              + " for version "
              + published.version()
              + " but the zip's is "
              + layer.codeSha256()
              + " (was the zip changed during the upload?)",
          AwsCallException.Kind.OTHER,
          null);
    }
    // Two publishers of the same content may both have published, or a retried call published
    // twice: every publisher settles on the lowest version carrying the hash, so all record the
    // same ARN, and each deletes its own duplicates.
    List<LayerVersionInfo> after = withHash(layer, versions.listLayerVersions(region, name));
    Optional<DuplicateVersions> duplicate =
        DuplicateVersions.of(
            published.version(),
            answer.lostAnswers(),
            before.stream().mapToLong(LayerVersionInfo::version).max().orElse(0),
            after.stream().map(LayerVersionInfo::version).toList());
    Optional<LayerVersionInfo> lowest =
        duplicate.flatMap(d -> after.stream().filter(v -> v.version() == d.kept()).findFirst());
    if (lowest.isPresent()) {
      duplicates.clean(
          layer,
          region,
          Arns.withoutVersion(published.layerVersionArn()),
          published.version(),
          duplicate.get());
      share(layer, region, lowest.get());
      return result(layer, region, lowest.get(), PublishedLayer.Outcome.SETTLED, uploaded);
    }
    share(layer, region, published);
    return result(layer, region, published, PublishedLayer.Outcome.PUBLISHED, uploaded);
  }

  private static Optional<LayerVersionInfo> lowestWithHash(
      LayerToPublish layer, List<LayerVersionInfo> listed) {
    return withHash(layer, listed).stream()
        .min(Comparator.comparingLong(LayerVersionInfo::version));
  }

  private static List<LayerVersionInfo> withHash(
      LayerToPublish layer, List<LayerVersionInfo> listed) {
    return listed.stream()
        .filter(v -> v.description() != null && v.description().contains(layer.hashMarker()))
        .toList();
  }

  /** Converges the version's grants to the declared shares, also for a version found or locked. */
  private void share(LayerToPublish layer, String region, LayerVersionInfo version) {
    sharing.converge(region, layer.name(), version.version());
  }

  private static PublishedLayer result(
      LayerToPublish layer,
      String region,
      LayerVersionInfo version,
      PublishedLayer.Outcome outcome,
      long uploaded) {
    return new PublishedLayer(
        layer.name(),
        region,
        version.account(),
        version.layerVersionArn(),
        version.version(),
        layer.sha256(),
        layer.codeSha256(),
        outcome,
        uploaded);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
