package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.LayerJob;
import dev.lambdalayer.core.lock.LayerDescriptorCodec;
import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LambdaRuntimeLibraries;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.OutputTimestamp;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.LayerRule;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import dev.lambdalayer.core.plan.ReactorLayer;
import dev.lambdalayer.core.plan.SharedLayer;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters that decide what goes into which zip, declared once for every goal that needs the
 * layer plan ({@code layer}, {@code lock}, {@code audit}, {@code publish}, {@code prune}), so they
 * always agree. The class-path check's parameters come from {@link AbstractClassPathMojo}, shared
 * with {@code lambda:classpath}.
 */
public abstract class AbstractPackagingMojo extends AbstractClassPathMojo {

  /**
   * The layers to split the dependencies into, in order of precedence: the first layer whose {@code
   * <includes>} match a library (and whose {@code <excludes>} do not) takes it, and, unless {@code
   * <transitive>false</transitive>}, also the dependencies of that library that no other layer
   * matched. Patterns are {@code groupId:artifactId[:version]} with {@code *} wildcards. Lambda
   * allows at most 5 layers per function.
   *
   * <pre>{@code
   * <layers>
   *   <layer>
   *     <name>aws-sdk</name>
   *     <includes><include>software.amazon.awssdk:*</include></includes>
   *   </layer>
   * </layers>
   * }</pre>
   *
   * Without {@code <layers>}, one layer named after {@code <layerName>} takes every release
   * dependency; SNAPSHOTs and modules of the same reactor stay in the function, as they change with
   * every build.
   *
   * @since 0.1.0
   */
  @Parameter protected List<LayerConfiguration> layers = new ArrayList<>();

  /**
   * The name of the single layer made when no {@code <layers>} are configured. Defaults to the
   * artifactId, with characters Lambda does not allow replaced by '-'.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.layerName")
  protected String layerName;

  /**
   * Lambda runtimes the layers are compatible with: {@code java25}, {@code java21}, {@code java17},
   * {@code java11}, {@code java8.al2}. On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.runtimes", defaultValue = "java21")
  protected List<String> runtimes;

  /**
   * Instruction set architectures the layers are compatible with: {@code x86_64} and/or {@code
   * arm64}. On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.architectures", defaultValue = "x86_64")
  protected List<String> architectures;

  /**
   * Libraries left out of every zip because the Lambda Java runtime provides them, as {@code
   * groupId:artifactId[:version]} patterns, for example {@code com.amazonaws:aws-lambda-java-core}.
   * On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.runtimeProvided")
  protected List<String> runtimeProvided = new ArrayList<>();

  /**
   * Put the Lambda runtime's own libraries ({@code aws-lambda-java-core}, {@code
   * aws-lambda-java-serialization}, {@code aws-lambda-java-runtime-interface-client}) into the zips
   * anyway. By default they count as {@code <runtimeProvided>}: the runtime loads its own copies
   * first, so a packaged copy never loads.
   *
   * @since 0.2.0
   */
  @Parameter(property = "lambda.packageRuntimeLibraries", defaultValue = "false")
  protected boolean packageRuntimeLibraries;

  /**
   * The project's compiled classes and resources, put at the root of the function zip.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  protected File classesDirectory;

  /**
   * The timestamp of every entry in the function zip, for reproducible zips: ISO-8601 with an
   * offset or seconds since the epoch. Unset, a constant is used, so the zip is reproducible either
   * way. Layer zips always carry the constant 1980-02-01T00:00:00Z instead: a layer's content hash
   * depends only on the libraries it holds, so a release that bumps this timestamp does not make a
   * new layer version.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  protected String outputTimestamp;

  /**
   * The lockfile: what each layer holds (libraries with SHA-256, content hash) and where it was
   * published. Written by {@code lambda:lock}, checked by {@code lambda:audit}, and compared by
   * {@code lambda:layer} (a warning on drift). Commit it next to the pom.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.lockfile",
      defaultValue = "${project.basedir}/lambda-layers.lock.json",
      required = true)
  protected File lockfile;

  /**
   * Layers published by other projects (layer projects) that this function uses, as {@code
   * groupId:artifactId:version} of the layer project. Each one's descriptor (classifier {@code
   * lambda-layer-descriptor}, type {@code json}) is resolved from the Maven repositories; the
   * libraries it carries are left out of this project's zips, count toward Lambda's 5-layer and
   * 262,144,000-byte limits, are part of the class-path check, are listed in the lockfile's {@code
   * sharedLayers}, and {@code lambda:publish} puts the layer's ARN for the function's region into
   * the function's layer list. On the command line, comma-separated.
   *
   * <pre>{@code
   * <sharedLayers>
   *   <sharedLayer>com.acme:platform-layer:1.4.0</sharedLayer>
   * </sharedLayers>
   * }</pre>
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.sharedLayers")
  protected List<String> sharedLayers = new ArrayList<>();

  /**
   * Put the shared layers before this project's own layers in the function's layer list (and in the
   * class-path check); {@code false} puts them after. Layers are extracted into {@code /opt} in
   * this order, a later layer's file replacing an earlier one's of the same name.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.sharedLayersFirst", defaultValue = "true")
  protected boolean sharedLayersFirst;

  /**
   * Fail when the function's dependencies want a library in another version than a shared layer
   * holds (version skew). By default it is a warning: the function keeps its own version in its
   * zip, and that version runs, as function jars shadow layer jars.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.failOnSkew", defaultValue = "false")
  protected boolean failOnSkew;

  /**
   * Whether this project is a layer project: its dependencies make one layer for other projects'
   * functions ({@code <sharedLayers>}), it has no function zip, and {@code lambda:layer} attaches a
   * layer descriptor (classifier {@code lambda-layer-descriptor}, type {@code json}) that {@code
   * install} and {@code deploy} carry. Explicit rather than inferred from packaging {@code pom}:
   * pom-packaged function projects exist (no classes of their own), and an aggregator is a pom too.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.layerProject", defaultValue = "false")
  protected boolean layerProject;

  /**
   * Opt-in reactor mode: the name of one layer that this reactor's function modules share. It holds
   * every release library that at least {@code <reactorLayerMinModules>} function modules of the
   * reactor use, in the one version they all use; every function module carries it as the first of
   * its own layers, and its zips leave those libraries out. The layer has the same content in every
   * module, so the reactor writes it once and {@code lambda:publish} publishes it once. Function
   * modules are the modules of the whole reactor (also those {@code -pl} leaves out) that declare
   * this plugin, except aggregators and modules with {@code <skip>} or {@code <layerProject>}.
   * Configure it in the parent's {@code <pluginManagement>}, so every module agrees.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.reactorLayer")
  protected String reactorLayer;

  /**
   * In the reactor mode ({@code <reactorLayer>}), how many function modules must use a library for
   * it to go into the reactor layer. {@code 1} shares every library any module uses.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.reactorLayer.minModules", defaultValue = "2")
  protected int reactorLayerMinModules = 2;

  /** This plugin, to recognise the reactor's function modules. */
  @Parameter(defaultValue = "${plugin}", readonly = true)
  protected PluginDescriptor pluginDescriptor;

  protected final RuntimeGraphResolver resolver;

  protected AbstractPackagingMojo(RuntimeGraphResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Resolves the graph and builds the core's request from the parameters.
   *
   * @param withClasses whether the function's classes matter (not for the lockfile)
   */
  protected PackagingRequest packagingRequest(FileDigestCache digests, boolean withClasses)
      throws MojoExecutionException, IOException {
    DependencyGraph graph = resolver.resolve(session, project, digests, getLog()::warn);
    SharedLayerSettings shared =
        isLayerProject()
            ? SharedLayerSettings.NONE
            : new SharedLayerSettings(loadSharedLayers(digests), sharedLayersFirst, failOnSkew);
    return PackagingRequest.builder(graph)
        .rules(rules())
        .runtimeProvided(runtimeProvidedPatterns())
        .defaultLayerName(layerName != null ? layerName : defaultLayerName(project.getArtifactId()))
        .functionName(project.getArtifactId())
        .runtimes(trimmed(runtimes))
        .architectures(trimmed(architectures))
        .classesDirectory(withClasses ? classesDirectory.toPath() : null)
        .outputDirectory(outputDirectory.toPath())
        .timestamp(OutputTimestamp.parse(outputTimestamp))
        .shared(shared)
        .reactorCache(reactorLayerCache())
        .reactorLayer(isLayerProject() ? ReactorLayer.NONE : reactorLayer(graph, digests))
        .build();
  }

  /** {@code <runtimeProvided>} plus, unless opted out, the Lambda runtime's own libraries. */
  private List<ArtifactPattern> runtimeProvidedPatterns() {
    return LambdaRuntimeLibraries.withDefaults(
        patterns(runtimeProvided, Setting.RUNTIME_PROVIDED), packageRuntimeLibraries);
  }

  /**
   * Chooses and resolves the reactor layer's libraries from the graphs of all function modules of
   * the reactor; {@link ReactorLayer#NONE} when the reactor mode is off.
   */
  private ReactorLayer reactorLayer(DependencyGraph graph, FileDigestCache digests)
      throws MojoExecutionException, IOException {
    String name = reactorLayer == null ? "" : reactorLayer.trim();
    if (name.isEmpty()) {
      return ReactorLayer.NONE;
    }
    if (reactorLayerMinModules < 1) {
      // Checked with the other settings, before anything is resolved.
      return new ReactorLayer(name, reactorLayerMinModules, 0, List.of(), List.of());
    }
    List<MavenProject> functionModules =
        ReactorFunctionModules.of(
            session,
            project,
            pluginDescriptor == null ? "dev.lambdalayer" : pluginDescriptor.getGroupId(),
            pluginDescriptor == null
                ? "lambda-layer-maven-plugin"
                : pluginDescriptor.getArtifactId());
    return new ReactorLayerResolver(resolver, session, project, getLog())
        .resolve(
            name,
            reactorLayerMinModules,
            runtimeProvidedPatterns(),
            functionModules,
            graph,
            digests);
  }

  /**
   * Where the modules of this reactor build share layer zips of identical content: under the
   * top-level project's build directory. Null outside a reactor, and for the top-level project
   * itself, whose build directory holds the cache.
   */
  protected Path reactorLayerCache() {
    MavenProject top = session.getTopLevelProject();
    if (top == null
        || session.getProjects() == null
        || session.getProjects().size() < 2
        || top.getBasedir() == null
        || top.getBasedir().equals(project.getBasedir())) {
      return null;
    }
    return Path.of(top.getBuild().getDirectory()).resolve("lambda-layer-cache");
  }

  /** Whether this is a layer project ({@code <layerProject>}). */
  protected boolean isLayerProject() {
    return layerProject;
  }

  /** Builds what {@code lambda:publish} publishes: a layer project has no function zip. */
  protected PackagingResult build(FileDigestCache digests, PackagingRequest request)
      throws IOException {
    LambdaPackager packager = new LambdaPackager(digests);
    return isLayerProject() ? packager.buildLayerProject(request) : packager.build(request);
  }

  /** Where a layer project's descriptor is written. */
  protected Path layerDescriptorFile() {
    return outputDirectory
        .toPath()
        .resolve(project.getArtifactId() + "-" + LayerDescriptor.CLASSIFIER + ".json");
  }

  /**
   * Writes a layer project's descriptor, with the published versions the lockfile records for the
   * layer's content, so any later {@code lambda:layer} run (e.g. in {@code install}) keeps them.
   */
  protected LayerDescriptor writeLayerDescriptor(PackagingRequest request, PackagingResult result)
      throws IOException {
    return LayerJob.writeDescriptor(
        layerProjectId(), request, result, lockfile.toPath(), layerDescriptorFile());
  }

  /** {@code groupId:artifactId:version} of this project. */
  protected String layerProjectId() {
    return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
  }

  private List<SharedLayer> loadSharedLayers(FileDigestCache digests)
      throws MojoExecutionException, IOException {
    List<SharedLayer> out = new ArrayList<>();
    for (String reference : trimmed(sharedLayers)) {
      String[] parts = reference.split(":");
      if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
        throw new InvalidConfigurationException(
            new Violation(
                Setting.SHARED_LAYERS,
                reference,
                "is not groupId:artifactId:version",
                "name the layer project as groupId:artifactId:version, e.g."
                    + " com.acme:platform-layer:1.4.0"));
      }
      SharedLayerBuildOrder.check(session, project, reference, parts);
      Coordinates at =
          new Coordinates(
              parts[0], parts[1], parts[2], LayerDescriptor.CLASSIFIER, LayerDescriptor.TYPE);
      Path file =
          resolver.resolveArtifact(
              session,
              project,
              at,
              "the descriptor of shared layer " + reference,
              "Build and install (or deploy) the layer project first: mvn lambda:layer install in"
                  + " it (with <layerProject>true</layerProject>), and check "
                  + SettingNames.of(Setting.SHARED_LAYERS)
                  + ".");
      LayerDescriptor descriptor = LayerDescriptorCodec.read(file, reference);
      List<Coordinates> wanted =
          descriptor.libraries().stream().map(Lockfile.Library::coordinates).toList();
      Map<Coordinates, Path> jars = new LinkedHashMap<>();
      for (Map.Entry<Coordinates, Path> jar :
          resolver.resolveAvailable(session, project, wanted).entrySet()) {
        String expected =
            descriptor.libraries().stream()
                .filter(l -> l.coordinates().equals(jar.getKey()))
                .map(Lockfile.Library::sha256)
                .findFirst()
                .orElse(null);
        if (expected != null && !expected.equals(digests.digest(jar.getValue()).sha256())) {
          getLog()
              .warn(
                  "Shared layer "
                      + reference
                      + ": "
                      + jar.getKey()
                      + " in the local repository is not the jar the layer holds (SHA-256"
                      + " differs); the class-path check leaves it out.");
          continue;
        }
        jars.put(jar.getKey(), jar.getValue());
      }
      out.add(new SharedLayer(reference, descriptor, jars));
    }
    return out;
  }

  /** The lockfile as the user knows it: relative to the project when inside it. */
  protected String lockfileName() {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path file = lockfile.toPath().toAbsolutePath();
    return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
  }

  private List<LayerRule> rules() {
    List<LayerRule> rules = new ArrayList<>();
    if (isLayerProject() && layers.isEmpty()) {
      // An explicit rule, unlike the default one, also takes SNAPSHOTs: a layer project has no
      // function to leave them in.
      rules.add(
          new LayerRule(
              layerName != null ? layerName : defaultLayerName(project.getArtifactId()),
              List.of(ArtifactPattern.parse("*:*", Setting.LAYERS)),
              List.of(),
              true));
      return rules;
    }
    for (LayerConfiguration layer : layers) {
      rules.add(
          new LayerRule(
              layer.getName() == null ? null : layer.getName().trim(),
              patterns(layer.getIncludes(), Setting.LAYER_INCLUDES),
              patterns(layer.getExcludes(), Setting.LAYER_EXCLUDES),
              layer.isTransitive()));
    }
    return rules;
  }

  private static List<ArtifactPattern> patterns(List<String> texts, Setting setting) {
    return trimmed(texts).stream().map(text -> ArtifactPattern.parse(text, setting)).toList();
  }

  private static List<String> trimmed(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** Lambda allows only A-Z, a-z, 0-9, '-' and '_' in layer names, up to 64 of them here. */
  static String defaultLayerName(String artifactId) {
    String name = artifactId.replaceAll("[^A-Za-z0-9_-]", "-");
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
