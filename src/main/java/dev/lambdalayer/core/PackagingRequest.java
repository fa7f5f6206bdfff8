package dev.lambdalayer.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@link LambdaPackager} needs: the graph, the layer rules, the Lambda settings and
 * where to read classes from and write zips to.
 *
 * @param defaultLayerName the layer's name when {@code rules} is empty
 * @param functionName the function zip is written as {@code <functionName>-function.zip}
 * @param classesDirectory the project's compiled classes and resources; may not exist
 * @param timestamp the entry time in the function zip; layers use {@link #LAYER_TIMESTAMP}
 * @param shared layers published by other projects that the function uses
 * @param reactorCache where the modules of one reactor build share identical layer zips (see {@link
 *     ReactorLayerCache}); null outside a reactor
 * @param reactorLayer the layer this reactor's function modules share, first of the project's own
 *     layers; {@link ReactorLayer#NONE} when the reactor mode is off
 */
public record PackagingRequest(
    DependencyGraph graph,
    List<LayerRule> rules,
    List<ArtifactPattern> runtimeProvided,
    String defaultLayerName,
    String functionName,
    List<String> runtimes,
    List<String> architectures,
    Path classesDirectory,
    Path outputDirectory,
    Instant timestamp,
    SharedLayerSettings shared,
    Path reactorCache,
    ReactorLayer reactorLayer) {

  /**
   * The entry time in layer zips: a constant, not the project's {@code outputTimestamp}. A layer
   * holds other people's libraries; its content hash must change only when they do, not when a
   * release bumps the project's timestamp (that would publish a new layer version every release,
   * and no two projects could ever share a layer).
   */
  public static final Instant LAYER_TIMESTAMP = OutputTimestamp.DEFAULT;

  /** A request without shared layers. */
  public PackagingRequest(
      DependencyGraph graph,
      List<LayerRule> rules,
      List<ArtifactPattern> runtimeProvided,
      String defaultLayerName,
      String functionName,
      List<String> runtimes,
      List<String> architectures,
      Path classesDirectory,
      Path outputDirectory,
      Instant timestamp) {
    this(
        graph,
        rules,
        runtimeProvided,
        defaultLayerName,
        functionName,
        runtimes,
        architectures,
        classesDirectory,
        outputDirectory,
        timestamp,
        SharedLayerSettings.NONE,
        null,
        ReactorLayer.NONE);
  }

  /** A request outside a reactor build. */
  public PackagingRequest(
      DependencyGraph graph,
      List<LayerRule> rules,
      List<ArtifactPattern> runtimeProvided,
      String defaultLayerName,
      String functionName,
      List<String> runtimes,
      List<String> architectures,
      Path classesDirectory,
      Path outputDirectory,
      Instant timestamp,
      SharedLayerSettings shared) {
    this(
        graph,
        rules,
        runtimeProvided,
        defaultLayerName,
        functionName,
        runtimes,
        architectures,
        classesDirectory,
        outputDirectory,
        timestamp,
        shared,
        null,
        ReactorLayer.NONE);
  }

  /** This request with layer zips shared through {@code cache} (null: not shared). */
  public PackagingRequest withReactorCache(Path cache) {
    return new PackagingRequest(
        graph,
        rules,
        runtimeProvided,
        defaultLayerName,
        functionName,
        runtimes,
        architectures,
        classesDirectory,
        outputDirectory,
        timestamp,
        shared,
        cache,
        reactorLayer);
  }

  /** This request with the reactor's shared layer ({@link ReactorLayer#NONE}: none). */
  public PackagingRequest withReactorLayer(ReactorLayer layer) {
    return new PackagingRequest(
        graph,
        rules,
        runtimeProvided,
        defaultLayerName,
        functionName,
        runtimes,
        architectures,
        classesDirectory,
        outputDirectory,
        timestamp,
        shared,
        reactorCache,
        layer);
  }

  public PackagingRequest {
    shared = shared == null ? SharedLayerSettings.NONE : shared;
    reactorLayer = reactorLayer == null ? ReactorLayer.NONE : reactorLayer;
    rules = List.copyOf(rules);
    runtimeProvided = List.copyOf(runtimeProvided);
    runtimes = List.copyOf(runtimes);
    architectures = List.copyOf(architectures);
  }
}
