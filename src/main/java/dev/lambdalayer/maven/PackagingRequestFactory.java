package dev.lambdalayer.maven;

import dev.lambdalayer.core.lock.TrustedAccounts;
import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.LambdaRuntime;
import dev.lambdalayer.core.model.LambdaRuntimeLibraries;
import dev.lambdalayer.core.model.OutputTimestamp;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.ReactorLayer;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Builds the core's {@link PackagingRequest} from the packaging parameters of {@link
 * AbstractPackagingMojo}: resolves the graph, loads the shared layers, resolves the reactor layer
 * and turns the POM's lists into core values. Keeps that logic out of the Mojo base class, which
 * holds only the parameters.
 */
final class PackagingRequestFactory {

  private final RuntimeGraphResolver resolver;
  private final MavenSession session;
  private final MavenProject project;
  private final Log log;

  PackagingRequestFactory(
      RuntimeGraphResolver resolver, MavenSession session, MavenProject project, Log log) {
    this.resolver = resolver;
    this.session = session;
    this.project = project;
    this.log = log;
  }

  /**
   * @param p the goal, for its packaging parameters
   * @param classesDirectory the function's classes; null when they do not matter (lockfile, audit)
   */
  PackagingRequest create(AbstractPackagingMojo p, FileDigestCache digests, Path classesDirectory)
      throws MojoExecutionException, IOException {
    PluginDescriptor plugin = p.pluginDescriptor;
    EmptyListElements.refuse(
        project,
        plugin == null ? "dev.lambdalayer" : plugin.getGroupId(),
        plugin == null ? "lambda-layer-maven-plugin" : plugin.getArtifactId());
    DependencyGraph graph = resolver.resolve(session, project, digests, log::warn);
    SharedLayerSettings shared =
        p.layerProject
            ? SharedLayerSettings.NONE
            : new SharedLayerSettings(
                new SharedLayerLoader(resolver, session, project, log)
                    .load(
                        PomValues.trimmed(p.sharedLayers, Setting.SHARED_LAYERS),
                        TrustedAccounts.parse(
                            PomValues.trimmed(p.trustedAccounts, Setting.TRUSTED_ACCOUNTS)),
                        digests),
                p.sharedLayersFirst,
                p.failOnSkew);
    return PackagingRequest.builder(graph)
        .rules(LayerRules.of(p.layers, p.layerName, project.getArtifactId(), p.layerProject))
        .runtimeProvided(runtimeProvided(p))
        .defaultLayerName(LayerRules.layerName(p.layerName, project.getArtifactId()))
        .functionName(project.getArtifactId())
        .runtimes(PomValues.distinct(p.runtimes, Setting.RUNTIMES, "java21"))
        .runtimeCheckDate(
            LambdaRuntime.checkDate(p.runtimeCheckDate, LocalDate.now(Clock.systemUTC())))
        .architectures(PomValues.distinct(p.architectures, Setting.ARCHITECTURES, "x86_64"))
        .classesDirectory(classesDirectory)
        .outputDirectory(p.outputDirectory.toPath())
        .timestamp(OutputTimestamp.parse(p.outputTimestamp))
        .shared(shared)
        .reactorCache(reactorLayerCache(session, project))
        .reactorLayer(p.layerProject ? ReactorLayer.NONE : reactorLayer(p, graph, digests))
        .build();
  }

  /**
   * Chooses and resolves the reactor layer's libraries from the graphs of all function modules of
   * the reactor; {@link ReactorLayer#NONE} when the reactor mode is off.
   */
  private ReactorLayer reactorLayer(
      AbstractPackagingMojo p, DependencyGraph graph, FileDigestCache digests)
      throws MojoExecutionException, IOException {
    String name = p.reactorLayer == null ? "" : p.reactorLayer.trim();
    if (name.isEmpty()) {
      return ReactorLayer.NONE;
    }
    if (p.reactorLayerMinModules < 1) {
      // Checked with the other settings, before anything is resolved.
      return new ReactorLayer(name, p.reactorLayerMinModules, 0, List.of(), List.of());
    }
    PluginDescriptor plugin = p.pluginDescriptor;
    List<MavenProject> functionModules =
        ReactorFunctionModules.of(
            session,
            project,
            plugin == null ? "dev.lambdalayer" : plugin.getGroupId(),
            plugin == null ? "lambda-layer-maven-plugin" : plugin.getArtifactId());
    return new ReactorLayerResolver(resolver, session, project, log)
        .resolve(
            name, p.reactorLayerMinModules, runtimeProvided(p), functionModules, graph, digests);
  }

  /**
   * Where the modules of this reactor build share layer zips of identical content: under the
   * top-level project's build directory. Null outside a reactor, and for the top-level project
   * itself, whose build directory holds the cache.
   */
  static Path reactorLayerCache(MavenSession session, MavenProject project) {
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

  /** {@code <runtimeProvided>} plus, unless opted out, the Lambda runtime's own libraries. */
  private static List<ArtifactPattern> runtimeProvided(AbstractPackagingMojo p) {
    return LambdaRuntimeLibraries.withDefaults(
        PomValues.patterns(p.runtimeProvided, Setting.RUNTIME_PROVIDED), p.packageRuntimeLibraries);
  }
}
