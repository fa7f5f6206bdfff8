package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.OutputTimestamp;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything {@link LambdaPackager} needs: the graph, the layer rules, the Lambda settings and
 * where to read classes from and write zips to. Built with {@link #builder}.
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
 * @param runtimeCheckDate the day the runtimes' deprecation is checked against (the build tool
 *     passes today, unless the user looks ahead), or null to check nothing; never read from the
 *     clock here, so that no result depends on the day it is computed
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
    ReactorLayer reactorLayer,
    LocalDate runtimeCheckDate) {

  /**
   * The entry time in layer zips: a constant, not the project's {@code outputTimestamp}. A layer
   * holds other people's libraries; its content hash must change only when they do, not when a
   * release bumps the project's timestamp (that would publish a new layer version every release,
   * and no two projects could ever share a layer).
   */
  public static final Instant LAYER_TIMESTAMP = OutputTimestamp.DEFAULT;

  /** A builder for a request of {@code graph}: only the output directory has no default. */
  public static Builder builder(DependencyGraph graph) {
    return new Builder(graph);
  }

  /** A builder holding this request's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(graph)
        .rules(rules)
        .runtimeProvided(runtimeProvided)
        .defaultLayerName(defaultLayerName)
        .functionName(functionName)
        .runtimes(runtimes)
        .architectures(architectures)
        .classesDirectory(classesDirectory)
        .outputDirectory(outputDirectory)
        .timestamp(timestamp)
        .shared(shared)
        .reactorCache(reactorCache)
        .reactorLayer(reactorLayer)
        .runtimeCheckDate(runtimeCheckDate);
  }

  /**
   * Builds a {@link PackagingRequest} by name rather than by position. Defaults: no rules (one
   * layer of all release libraries), nothing runtime-provided, the project's artifactId as layer
   * and function name, {@code java21} on {@code x86_64}, no classes, the constant timestamp, no
   * shared layers, no reactor, no deprecation check.
   */
  public static final class Builder {
    private final DependencyGraph graph;
    private List<LayerRule> rules = List.of();
    private List<ArtifactPattern> runtimeProvided = List.of();
    private String defaultLayerName;
    private String functionName;
    private List<String> runtimes = List.of("java21");
    private List<String> architectures = List.of("x86_64");
    private Path classesDirectory;
    private Path outputDirectory;
    private Instant timestamp = OutputTimestamp.DEFAULT;
    private SharedLayerSettings shared = SharedLayerSettings.NONE;
    private Path reactorCache;
    private ReactorLayer reactorLayer = ReactorLayer.NONE;
    private LocalDate runtimeCheckDate;

    private Builder(DependencyGraph graph) {
      this.graph = graph;
      this.defaultLayerName = graph.project().artifactId();
      this.functionName = graph.project().artifactId();
    }

    public Builder rules(List<LayerRule> rules) {
      this.rules = rules;
      return this;
    }

    public Builder runtimeProvided(List<ArtifactPattern> runtimeProvided) {
      this.runtimeProvided = runtimeProvided;
      return this;
    }

    public Builder defaultLayerName(String defaultLayerName) {
      this.defaultLayerName = defaultLayerName;
      return this;
    }

    public Builder functionName(String functionName) {
      this.functionName = functionName;
      return this;
    }

    public Builder runtimes(List<String> runtimes) {
      this.runtimes = runtimes;
      return this;
    }

    public Builder architectures(List<String> architectures) {
      this.architectures = architectures;
      return this;
    }

    public Builder classesDirectory(Path classesDirectory) {
      this.classesDirectory = classesDirectory;
      return this;
    }

    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = outputDirectory;
      return this;
    }

    public Builder timestamp(Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    public Builder shared(SharedLayerSettings shared) {
      this.shared = shared;
      return this;
    }

    /** Where the modules of one reactor share identical layer zips; null outside a reactor. */
    public Builder reactorCache(Path reactorCache) {
      this.reactorCache = reactorCache;
      return this;
    }

    public Builder reactorLayer(ReactorLayer reactorLayer) {
      this.reactorLayer = reactorLayer;
      return this;
    }

    /** The day the runtimes' deprecation is checked against; null (the default) checks nothing. */
    public Builder runtimeCheckDate(LocalDate runtimeCheckDate) {
      this.runtimeCheckDate = runtimeCheckDate;
      return this;
    }

    public PackagingRequest build() {
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
          reactorLayer,
          runtimeCheckDate);
    }
  }

  public PackagingRequest {
    java.util.Objects.requireNonNull(graph, "graph");
    shared = shared == null ? SharedLayerSettings.NONE : shared;
    reactorLayer = reactorLayer == null ? ReactorLayer.NONE : reactorLayer;
    rules = List.copyOf(rules);
    runtimeProvided = List.copyOf(runtimeProvided);
    runtimes = List.copyOf(runtimes);
    architectures = List.copyOf(architectures);
  }
}
