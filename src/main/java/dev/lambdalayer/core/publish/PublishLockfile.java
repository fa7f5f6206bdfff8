package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.lock.LockfileService;
import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lockfile as one publish reads and extends it: the zips just built against the committed
 * lockfile, the versions it records, and each layer's new versions written as soon as they exist.
 */
public final class PublishLockfile {

  private final Path file;
  private final List<AuditReport.Finding> drift;
  private final Set<String> retiredLayers;
  private final Map<String, Set<String>> layerLibraries;
  // Volatile: the region threads of LayerPublishing read what the publishing thread records.
  private volatile Lockfile current;

  private PublishLockfile(
      Path file,
      Lockfile current,
      List<AuditReport.Finding> drift,
      Set<String> retiredLayers,
      Map<String, Set<String>> layerLibraries) {
    this.file = file;
    this.current = current;
    this.drift = List.copyOf(drift);
    this.retiredLayers = Set.copyOf(retiredLayers);
    this.layerLibraries = Map.copyOf(layerLibraries);
  }

  /**
   * Reads {@code file} (if there is one) and describes the zips just built, keeping the {@code
   * published} records of layers whose content did not change.
   *
   * @param name the lockfile's name as the user knows it, for drift messages
   * @throws LockfileException when the lockfile cannot be read
   */
  public static PublishLockfile open(
      Path file, String name, PackagingRequest request, PackagingResult built) throws IOException {
    Optional<Lockfile> previous = LockfileCodec.read(file);
    Lockfile current = LockfileService.current(request, built, previous);
    List<AuditReport.Finding> drift =
        previous
            .map(p -> LockfileService.compare(name, p, current, built).findings())
            .orElse(List.of());
    return new PublishLockfile(
        file,
        current,
        drift,
        retiredLayers(previous, built),
        previous.map(PublishLockfile::layerLibraries).orElse(Map.of()));
  }

  /**
   * What stops the publish, as {@code subject: message}: a jar whose bytes differ from the locked
   * ones under the same coordinates is the swap the lockfile exists to catch, so it is never
   * published.
   */
  public List<String> integrityFailures() {
    return drift.stream()
        .filter(f -> f.severity() == AuditReport.Severity.ERROR)
        .map(f -> f.subject() + ": " + f.message())
        .toList();
  }

  /**
   * The other drift from the committed lockfile: what this publish records, so it is shown (it will
   * be in the lockfile's diff) but does not stop the publish.
   */
  public List<String> recordedDrift() {
    return drift.stream()
        .filter(f -> f.severity() != AuditReport.Severity.ERROR)
        .map(AuditReport.Finding::message)
        .toList();
  }

  /** The lockfile as it stands: the built zips and every version recorded so far. */
  public Lockfile lockfile() {
    return current;
  }

  /** The version the lockfile records for this content of a layer in a region, if any. */
  public OptionalLong lockedVersion(String layerName, String sha256, String region) {
    return current
        .layer(layerName)
        .filter(l -> l.sha256().equals(sha256))
        .flatMap(l -> l.published().stream().filter(p -> p.region().equals(region)).findFirst())
        .map(p -> OptionalLong.of(p.version()))
        .orElse(OptionalLong.empty());
  }

  /**
   * Records versions, replacing older records of their regions, and writes the lockfile at once: a
   * later failure of the publish must not lose a version that exists.
   *
   * @throws UncheckedIOException when the lockfile cannot be written (this runs as the record
   *     callback of {@link LayerPublishing#publish}, which cannot throw a checked exception)
   */
  public synchronized void record(List<PublishedLayer> published) {
    current = PublishRecords.withPublished(current, published);
    try {
      LockfileCodec.write(current, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Layers this plugin published before (per the committed lockfile) that the project no longer
   * has, as ARNs without version: the function's layer list drops them, or a renamed layer would
   * stay on the class path next to its successor.
   */
  public Set<String> retiredLayers() {
    return retiredLayers;
  }

  /**
   * The {@code groupId:artifactId} keys a previously published layer version held (empty when
   * unknown), to see libraries move from a layer into the function.
   */
  public Set<String> layerLibraries(String layerVersionArn) {
    return layerLibraries.getOrDefault(layerVersionArn, Set.of());
  }

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

  private static Map<String, Set<String>> layerLibraries(Lockfile previous) {
    Map<String, Set<String>> byArn = new HashMap<>();
    for (Lockfile.Layer layer : previous.layers()) {
      Set<String> keys =
          layer.libraries().stream().map(l -> l.coordinates().key()).collect(Collectors.toSet());
      layer.published().forEach(p -> byArn.put(p.layerVersionArn(), keys));
    }
    return byArn;
  }
}
