package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.Lockfile;
import java.util.List;
import java.util.Optional;

/**
 * What a layer project publishes for others to use: the layer's name, its libraries (coordinates
 * and SHA-256), its content hash, what it is compatible with and where it was published. It travels
 * through Maven repositories next to the layer project (classifier {@link #CLASSIFIER}, type {@link
 * #TYPE}), so a function project can leave those libraries out of its own zips.
 *
 * @param layer {@code groupId:artifactId:version} of the layer project
 * @param unzippedBytes the layer's size once extracted, for Lambda's 262,144,000-byte limit
 * @param published the versions known from the layer project's lockfile, one per region and account
 */
public record LayerDescriptor(
    int descriptorVersion,
    String layer,
    String name,
    List<String> runtimes,
    List<String> architectures,
    String sha256,
    String codeSha256,
    long unzippedBytes,
    List<Lockfile.Library> libraries,
    List<Lockfile.Published> published) {

  /** The format written and read by this plugin; readers reject newer ones. */
  public static final int CURRENT_VERSION = 1;

  /** The classifier the descriptor is attached with. */
  public static final String CLASSIFIER = "lambda-layer-descriptor";

  /** The type (extension) the descriptor is attached with. */
  public static final String TYPE = "json";

  public LayerDescriptor {
    runtimes = List.copyOf(runtimes);
    architectures = List.copyOf(architectures);
    libraries = List.copyOf(libraries);
    published = List.copyOf(published);
  }

  /** The published version in {@code region}, the lowest account id first when there are more. */
  public Optional<Lockfile.Published> publishedIn(String region) {
    return published.stream()
        .filter(p -> p.region().equals(region))
        .min(
            java.util.Comparator.comparing(Lockfile.Published::account)
                .thenComparingLong(Lockfile.Published::version));
  }

  /** The descriptor of {@code layer}, with the published versions the lockfile holds for it. */
  public static LayerDescriptor of(
      String layerProject,
      BuiltZip layer,
      List<String> runtimes,
      List<String> architectures,
      Optional<Lockfile> lockfile) {
    List<Lockfile.Published> published =
        lockfile
            .flatMap(lock -> lock.layer(layer.name()))
            .filter(locked -> locked.sha256().equals(layer.zip().sha256()))
            .map(Lockfile.Layer::published)
            .orElse(List.of());
    List<Lockfile.Library> libraries =
        layer.libraries().stream()
            .map(a -> new Lockfile.Library(a.coordinates(), a.sha256(), a.size()))
            .toList();
    return new LayerDescriptor(
        CURRENT_VERSION,
        layerProject,
        layer.name(),
        runtimes,
        architectures,
        layer.zip().sha256(),
        layer.zip().codeSha256(),
        layer.zip().unzippedBytes(),
        libraries,
        published);
  }
}
