package dev.lambdalayer.maven;

import dev.lambdalayer.core.ArtifactPattern;
import dev.lambdalayer.core.BuildReport;
import dev.lambdalayer.core.BuildSummary;
import dev.lambdalayer.core.BuiltZip;
import dev.lambdalayer.core.DependencyGraph;
import dev.lambdalayer.core.FileDigestCache;
import dev.lambdalayer.core.LambdaPackager;
import dev.lambdalayer.core.LayerRule;
import dev.lambdalayer.core.OutputTimestamp;
import dev.lambdalayer.core.PackagingRequest;
import dev.lambdalayer.core.PackagingResult;
import dev.lambdalayer.core.Setting;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Resolves the project's runtime dependencies, splits them into Lambda layers and a slim function,
 * and writes each as a reproducible zip under {@code target/lambda/}.
 *
 * <p>Layer zips hold {@code java/lib/*.jar}; the function zip holds the project's classes and
 * resources at its root and the jars no layer took under {@code lib/}. The zips are attached to the
 * project (classifiers {@code lambda-function} and {@code lambda-layer-<name>}), described in
 * {@code target/lambda/build.json}, and exposed as project properties ({@code
 * lambda.layer.<name>.sha256}, {@code .codeSha256}, {@code .file}; {@code lambda.function.*}).
 *
 * @since 0.1.0
 */
@Mojo(name = "layer", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class LayerMojo extends AbstractLambdaMojo {

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
  @Parameter private List<LayerConfiguration> layers = new ArrayList<>();

  /**
   * The name of the single layer made when no {@code <layers>} are configured. Defaults to the
   * artifactId, with characters Lambda does not allow replaced by '-'.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.layerName")
  private String layerName;

  /**
   * Lambda runtimes the layers are compatible with: {@code java25}, {@code java21}, {@code java17},
   * {@code java11}, {@code java8.al2}. On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.runtimes", defaultValue = "java21")
  private List<String> runtimes;

  /**
   * Instruction set architectures the layers are compatible with: {@code x86_64} and/or {@code
   * arm64}. On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.architectures", defaultValue = "x86_64")
  private List<String> architectures;

  /**
   * Libraries left out of every zip because the Lambda Java runtime provides them, as {@code
   * groupId:artifactId[:version]} patterns, for example {@code com.amazonaws:aws-lambda-java-core}.
   * On the command line, comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.runtimeProvided")
  private List<String> runtimeProvided = new ArrayList<>();

  /**
   * Where the zips and {@code build.json} are written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.outputDirectory",
      defaultValue = "${project.build.directory}/lambda",
      required = true)
  private File outputDirectory;

  /**
   * The project's compiled classes and resources, put at the root of the function zip.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  private File classesDirectory;

  /**
   * The timestamp of every zip entry, for reproducible zips: ISO-8601 with an offset or seconds
   * since the epoch. Unset, a constant is used, so zips are reproducible either way.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  private String outputTimestamp;

  /**
   * Attach the zips to the project, so that {@code install} and {@code deploy} carry them.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.attach", defaultValue = "true")
  private boolean attach;

  private final RuntimeGraphResolver resolver;
  private final MavenProjectHelper projectHelper;

  @Inject
  public LayerMojo(RuntimeGraphResolver resolver, MavenProjectHelper projectHelper) {
    this.resolver = resolver;
    this.projectHelper = projectHelper;
  }

  @Override
  protected void doExecute() throws MojoExecutionException, IOException {
    long start = System.nanoTime();
    Path out = outputDirectory.toPath();
    FileDigestCache digests = FileDigestCache.load(out.resolve(".state/file-digests.txt"));
    DependencyGraph graph = resolver.resolve(session, project, digests);
    long resolved = System.nanoTime();
    PackagingRequest request =
        new PackagingRequest(
            graph,
            rules(),
            patterns(runtimeProvided, Setting.RUNTIME_PROVIDED),
            layerName != null ? layerName : defaultLayerName(project.getArtifactId()),
            project.getArtifactId(),
            trimmed(runtimes),
            trimmed(architectures),
            classesDirectory.toPath(),
            out,
            OutputTimestamp.parse(outputTimestamp));
    PackagingResult result = new LambdaPackager(digests).build(request);
    BuildReport.write(request, result, out.resolve("build.json"));
    record(result);

    long done = System.nanoTime();
    getLog()
        .info(
            String.format(
                "Lambda zips in %s (%d ms: resolved in %d ms, packaged in %d ms):",
                out,
                (done - start) / 1_000_000,
                (resolved - start) / 1_000_000,
                (done - resolved) / 1_000_000));
    BuildSummary.lines(result).forEach(line -> getLog().info("  " + line));
    result.warnings().forEach(getLog()::warn);
  }

  private void record(PackagingResult result) {
    Properties properties = project.getProperties();
    for (BuiltZip layer : result.layers()) {
      String prefix = "lambda.layer." + layer.name() + ".";
      properties.setProperty(prefix + "sha256", layer.zip().sha256());
      properties.setProperty(prefix + "codeSha256", layer.zip().codeSha256());
      properties.setProperty(prefix + "file", layer.zip().file().toString());
      if (attach) {
        projectHelper.attachArtifact(
            project, "zip", "lambda-layer-" + layer.name(), layer.zip().file().toFile());
      }
    }
    BuiltZip function = result.function();
    properties.setProperty("lambda.function.sha256", function.zip().sha256());
    properties.setProperty("lambda.function.codeSha256", function.zip().codeSha256());
    properties.setProperty("lambda.function.file", function.zip().file().toString());
    if (attach) {
      projectHelper.attachArtifact(
          project, "zip", "lambda-function", function.zip().file().toFile());
    }
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
