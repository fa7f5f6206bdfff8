package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.plan.PackagingRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that decide what goes into which zip, declared once for every goal that needs the
 * layer plan ({@code layer}, {@code lock}, {@code audit}, {@code publish}), so they always agree.
 * {@link PackagingRequestFactory} turns them into the core's request. The class-path check's
 * parameters and {@code <classesDirectory>} belong to the goals that write the function zip ({@link
 * AbstractFunctionPackagingMojo}, {@link AbstractDeployingMojo}), not to {@code lock} and {@code
 * audit}, which do not read them.
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
   * Lambda runtimes the layers are compatible with: {@code java25}, {@code java21}, {@code
   * java17.al2023}, {@code java11.al2023}, {@code java8.al2023} (Amazon Linux 2023), and {@code
   * java17}, {@code java11}, {@code java8.al2} (Amazon Linux 2, deprecated on 2027-06-30). On the
   * command line, comma-separated. A runtime that is deprecated, or will be within six months, is
   * warned about with its date and the runtime to move to. The class-path check takes the JDK
   * classes of the oldest Java release named here, and {@code lambda:invoke} runs the function on
   * that release (the conservative choice: Lambda may run it on any of them).
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.runtimes", defaultValue = "java21")
  protected List<String> runtimes;

  /**
   * The day the runtimes' deprecation is checked against, as {@code yyyy-MM-dd}; by default today.
   * Set a later day to learn now which of the configured runtimes will be deprecated, or within six
   * months of it, by then (a release date, say).
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.runtimeCheckDate")
  protected String runtimeCheckDate;

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

  @Override
  protected void checkLocations() throws MojoFailureException {
    super.checkLocations();
    OutputLocations.checkLockfile(lockfile.toPath());
  }

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
   * The AWS accounts (12-digit ids) that may publish the shared layers of {@code <sharedLayers>}. A
   * shared layer whose descriptor lists a version published from any other account is refused
   * before anything is built or deployed. Unset, every account is trusted. On the command line,
   * comma-separated.
   *
   * <pre>{@code
   * <trustedAccounts>
   *   <trustedAccount>123456789012</trustedAccount>
   * </trustedAccounts>
   * }</pre>
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.trustedAccounts")
  protected List<String> trustedAccounts = new ArrayList<>();

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
   * @param classesDirectory the function's classes; null when they do not matter (lockfile, audit)
   */
  protected PackagingRequest packagingRequest(FileDigestCache digests, File classesDirectory)
      throws MojoExecutionException, IOException {
    return new PackagingRequestFactory(resolver, session, project, getLog())
        .create(this, digests, classesDirectory == null ? null : classesDirectory.toPath());
  }

  /** Where the modules of this reactor build share layer zips; null outside a reactor. */
  protected Path reactorLayerCache() {
    return PackagingRequestFactory.reactorLayerCache(session, project);
  }

  /** {@code groupId:artifactId:version} of this project, for a layer project's descriptor. */
  protected String layerProjectId() {
    return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
  }

  /** The lockfile as the user knows it: relative to the project when inside it. */
  protected String lockfileName() {
    return relativeToProject(lockfile);
  }
}
