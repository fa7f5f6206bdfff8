package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.ModuleLibraries;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.plan.ReactorLayer;
import dev.lambdalayer.core.plan.ReactorLayerSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Makes one module's {@link ReactorLayer} ({@code <reactorLayer>}): collects the runtime graphs of
 * the reactor's function modules, lets the core choose the libraries, and resolves their files.
 */
final class ReactorLayerResolver {

  private final RuntimeGraphResolver resolver;
  private final MavenSession session;
  private final MavenProject project;
  private final Log log;

  ReactorLayerResolver(
      RuntimeGraphResolver resolver, MavenSession session, MavenProject project, Log log) {
    this.resolver = resolver;
    this.session = session;
    this.project = project;
    this.log = log;
  }

  /**
   * @param functionModules the reactor's function modules ({@link ReactorFunctionModules})
   * @param graph this module's resolved graph: its files are reused, and it is not collected again
   */
  ReactorLayer resolve(
      String name,
      int minModules,
      List<ArtifactPattern> runtimeProvided,
      List<MavenProject> functionModules,
      DependencyGraph graph,
      FileDigestCache digests)
      throws MojoExecutionException, IOException {
    List<ModuleLibraries> modules = new ArrayList<>();
    for (MavenProject module : functionModules) {
      modules.add(
          ReactorFunctionModules.sameProject(module, project)
              ? RuntimeGraphResolver.libraries(session, project, graph)
              : resolver.collectLibraries(session, module));
    }
    ReactorLayerSelection.Selection selection =
        ReactorLayerSelection.select(modules, minModules, runtimeProvided);
    Map<Coordinates, ResolvedArtifact> own = new LinkedHashMap<>();
    graph.artifacts().forEach(a -> own.put(a.coordinates(), a));
    Map<Coordinates, Path> files =
        resolver.resolveAvailable(
            session,
            project,
            selection.libraries().stream().filter(c -> !own.containsKey(c)).toList());
    List<ResolvedArtifact> libraries = new ArrayList<>();
    for (Coordinates library : selection.libraries()) {
      ResolvedArtifact artifact = own.get(library);
      if (artifact == null) {
        Path file = files.get(library);
        if (file == null) {
          throw new MojoExecutionException(unresolvable(name, library));
        }
        artifact =
            new ResolvedArtifact(
                library,
                file,
                digests.digestJar(file, library.toString(), true),
                "compile",
                List.of(),
                false);
      }
      libraries.add(artifact);
    }
    log.debug(
        "Reactor layer '"
            + name
            + "' chosen from "
            + modules.stream().map(ModuleLibraries::module).toList()
            + ": "
            + selection.libraries());
    return new ReactorLayer(name, minModules, selection.modules(), libraries, selection.leftOut());
  }

  private String unresolvable(String name, Coordinates library) {
    return "Could not resolve "
        + library
        + ", which other function modules of this reactor use, for the reactor layer '"
        + name
        + "' ("
        + SettingNames.of(Setting.REACTOR_LAYER)
        + ")"
        + (session.isOffline() ? ": Maven is offline, run once without -o" : "")
        + ". Build the whole reactor once, or check the repositories of "
        + project.getId()
        + ".";
  }
}
