package dev.lambdalayer.core.model;

import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.plan.SharedLayer;
import java.util.List;
import java.util.Optional;

/**
 * What a project's Lambda deployables were locked to: per layer its libraries, its content hash and
 * where it was published, and the libraries of the function. Written by {@link LockfileCodec}.
 *
 * @param project {@code groupId:artifactId} of the project, without version: a release does not
 *     change the lockfile
 * @param outputTimestamp the zip entry timestamp the content hashes were computed with
 * @param zipFormat the zip writer's format id; a plugin that writes other bytes changes it
 */
public record Lockfile(
    int lockfileVersion,
    String project,
    String outputTimestamp,
    String zipFormat,
    List<Layer> layers,
    Function function,
    List<SharedLayer> sharedLayers,
    List<Deployment> environments) {

  /** The format this plugin writes and reads; readers reject newer ones. */
  public static final int CURRENT_VERSION = 1;

  /** The usual file name, next to the pom. */
  public static final String DEFAULT_FILE_NAME = "lambda-layers.lock.json";

  /** A lockfile without shared layers. */
  public Lockfile(
      int lockfileVersion,
      String project,
      String outputTimestamp,
      String zipFormat,
      List<Layer> layers,
      Function function) {
    this(lockfileVersion, project, outputTimestamp, zipFormat, layers, function, List.of());
  }

  /** A lockfile without environment records. */
  public Lockfile(
      int lockfileVersion,
      String project,
      String outputTimestamp,
      String zipFormat,
      List<Layer> layers,
      Function function,
      List<SharedLayer> sharedLayers) {
    this(
        lockfileVersion,
        project,
        outputTimestamp,
        zipFormat,
        layers,
        function,
        sharedLayers,
        List.of());
  }

  public Lockfile {
    layers = List.copyOf(layers);
    sharedLayers = sharedLayers == null ? List.of() : List.copyOf(sharedLayers);
    environments = environments == null ? List.of() : List.copyOf(environments);
  }

  /** This lockfile with {@code environments} as its environment records. */
  public Lockfile withEnvironments(List<Deployment> environments) {
    return new Lockfile(
        lockfileVersion,
        project,
        outputTimestamp,
        zipFormat,
        layers,
        function,
        sharedLayers,
        environments);
  }

  /** The records of one environment, in the order written. */
  public List<Deployment> environment(String name) {
    return environments.stream().filter(d -> d.environment().equals(name)).toList();
  }

  /**
   * What one environment runs in one region, as the last publish or promotion to it left it.
   *
   * @param layers the layer versions published or promoted there, with their content hashes
   * @param function the function there; null for a project that publishes layers only
   */
  public record Deployment(
      String environment, String region, List<DeployedLayer> layers, DeployedFunction function) {

    public Deployment {
      layers = List.copyOf(layers);
    }
  }

  /** A layer version an environment runs. */
  public record DeployedLayer(String name, String layerVersionArn, String codeSha256) {}

  /**
   * A function as an environment runs it.
   *
   * @param alias the alias the environment's traffic goes through; null for none
   * @param version the version the alias points at, or {@code $LATEST} without an alias
   * @param codeSha256 Lambda's {@code CodeSha256} of its code
   * @param layers its whole layer list, in order
   */
  public record DeployedFunction(
      String name, String alias, String version, String codeSha256, List<String> layers) {

    public DeployedFunction {
      layers = List.copyOf(layers);
    }
  }

  /**
   * A layer of another project that the function uses: its reference ({@code
   * groupId:artifactId:version}), its name and content hash, and the libraries it carries, so that
   * a new platform layer shows up as a diff.
   */
  public record SharedLayer(
      String layer, String name, String sha256, String codeSha256, List<Library> libraries) {

    public SharedLayer {
      libraries = List.copyOf(libraries);
    }
  }

  public Optional<Layer> layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** A locked layer; {@code published} is filled by the publish goal. */
  public record Layer(
      String name,
      List<String> runtimes,
      List<String> architectures,
      String sha256,
      String codeSha256,
      List<Library> libraries,
      List<Published> published) {

    public Layer {
      runtimes = List.copyOf(runtimes);
      architectures = List.copyOf(architectures);
      libraries = List.copyOf(libraries);
      published = List.copyOf(published);
    }
  }

  /** The function's own libraries (under {@code lib/} of its zip). */
  public record Function(String name, List<Library> libraries) {

    public Function {
      libraries = List.copyOf(libraries);
    }
  }

  /**
   * One locked library. {@code sha256} and {@code size} are null for a SNAPSHOT or a module of the
   * same build: their bytes change with every build, so locking them would only report noise.
   */
  public record Library(Coordinates coordinates, String sha256, Long size) {

    public boolean hashLocked() {
      return sha256 != null;
    }
  }

  /** One published version of a layer in one region and account. */
  public record Published(
      String region, String account, String layerVersionArn, long version, String codeSha256) {}
}
