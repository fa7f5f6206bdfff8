package dev.lambdalayer.maven;

import dev.lambdalayer.core.ArtifactPattern;
import dev.lambdalayer.core.DependencyGraph;
import dev.lambdalayer.core.FileDigestCache;
import dev.lambdalayer.core.LayerRule;
import dev.lambdalayer.core.OutputTimestamp;
import dev.lambdalayer.core.PackagingRequest;
import dev.lambdalayer.core.Setting;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that decide what goes into which zip, declared once for every goal that needs the
 * layer plan ({@code layer}, {@code lock}, {@code audit}), so the three always agree.
 */
public abstract class AbstractPackagingMojo extends AbstractLambdaMojo {

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
   * Where the zips, {@code build.json} and the audit reports are written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.outputDirectory",
      defaultValue = "${project.build.directory}/lambda",
      required = true)
  protected File outputDirectory;

  /**
   * The project's compiled classes and resources, put at the root of the function zip.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  protected File classesDirectory;

  /**
   * The timestamp of every zip entry, for reproducible zips: ISO-8601 with an offset or seconds
   * since the epoch. Unset, a constant is used, so zips are reproducible either way. It is part of
   * each layer's content hash, so changing it changes every locked hash.
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
    DependencyGraph graph = resolver.resolve(session, project, digests);
    return new PackagingRequest(
        graph,
        rules(),
        patterns(runtimeProvided, Setting.RUNTIME_PROVIDED),
        layerName != null ? layerName : defaultLayerName(project.getArtifactId()),
        project.getArtifactId(),
        trimmed(runtimes),
        trimmed(architectures),
        withClasses ? classesDirectory.toPath() : null,
        outputDirectory.toPath(),
        OutputTimestamp.parse(outputTimestamp));
  }

  /** The lockfile as the user knows it: relative to the project when inside it. */
  protected String lockfileName() {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path file = lockfile.toPath().toAbsolutePath();
    return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
  }

  private List<LayerRule> rules() {
    List<LayerRule> rules = new ArrayList<>();
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
