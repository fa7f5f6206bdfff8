package dev.lambdalayer.maven;

import dev.lambdalayer.core.Coordinates;
import dev.lambdalayer.core.DependencyGraph;
import dev.lambdalayer.core.FileDigestCache;
import dev.lambdalayer.core.ModuleLibraries;
import dev.lambdalayer.core.ResolvedArtifact;
import dev.lambdalayer.core.Setting;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The one place that talks to Maven Resolver: collects and resolves a project's runtime graph
 * (compile and runtime scopes, with Maven's mediation, exclusions and optional handling) and turns
 * it into the core's {@link DependencyGraph}.
 */
@Named
@Singleton
public class RuntimeGraphResolver {

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  /** Scopes are already mediated along each path, so a node's own scope decides. */
  private static final DependencyFilter RUNTIME_CLASSPATH =
      (node, parents) ->
          node.getDependency() == null || RUNTIME_SCOPES.contains(node.getDependency().getScope());

  private final RepositorySystem repositorySystem;

  @Inject
  public RuntimeGraphResolver(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  public DependencyGraph resolve(
      MavenSession session, MavenProject project, FileDigestCache digests)
      throws MojoExecutionException, IOException {
    RepositorySystemSession repositorySession = session.getRepositorySession();
    DependencyNode root;
    try {
      root =
          repositorySystem
              .resolveDependencies(
                  repositorySession,
                  new DependencyRequest(
                      collectRequest(repositorySession, project), RUNTIME_CLASSPATH))
              .getRoot();
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException(
          "Could not resolve the runtime dependencies of "
              + project.getId()
              + ": "
              + e.getMessage()
              + offlineHint(repositorySession),
          e);
    }
    Set<String> reactor = reactorModules(session);
    Map<Coordinates, Found> found = new LinkedHashMap<>();
    collect(root, new ArrayDeque<>(), reactor, project, found);
    // Hashing reads every jar: spread it over the cores, then keep the graph's order.
    List<ResolvedArtifact> artifacts;
    try {
      artifacts =
          found.values().parallelStream()
              .map(f -> f.resolved(digests))
              .collect(Collectors.toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new DependencyGraph(
        coordinates(RepositoryUtils.toArtifact(project.getArtifact())), artifacts);
  }

  /**
   * The libraries of another module's runtime graph, with Maven's mediation, without resolving
   * their files: what a reactor layer is chosen from. Modules of the whole reactor (also those
   * {@code -pl} leaves out) are listed as volatile, so the choice does not depend on {@code -pl}.
   */
  public ModuleLibraries collectLibraries(MavenSession session, MavenProject project)
      throws MojoExecutionException {
    RepositorySystemSession repositorySession = session.getRepositorySession();
    DependencyNode root;
    try {
      root =
          repositorySystem
              .collectDependencies(repositorySession, collectRequest(repositorySession, project))
              .getRoot();
    } catch (DependencyCollectionException e) {
      throw new MojoExecutionException(
          "Could not collect the runtime dependencies of reactor module "
              + project.getId()
              + " to choose the reactor layer's libraries ("
              + SettingNames.of(Setting.REACTOR_LAYER)
              + "): "
              + e.getMessage()
              + offlineHint(repositorySession),
          e);
    }
    Set<String> reactor = reactorModules(session);
    Set<Coordinates> libraries = new LinkedHashSet<>();
    Set<Coordinates> volatileLibraries = new LinkedHashSet<>();
    libraries(root, reactor, libraries, volatileLibraries);
    return new ModuleLibraries(
        project.getGroupId() + ":" + project.getArtifactId(),
        List.copyOf(libraries),
        List.copyOf(volatileLibraries));
  }

  private static void libraries(
      DependencyNode node,
      Set<String> reactor,
      Set<Coordinates> libraries,
      Set<Coordinates> volatileLibraries) {
    for (DependencyNode child : node.getChildren()) {
      if (RUNTIME_CLASSPATH.accept(child, List.of())) {
        Coordinates coordinates = coordinates(child.getArtifact());
        if (libraries.add(coordinates)) {
          if (reactor.contains(gav(child.getArtifact()))) {
            volatileLibraries.add(coordinates);
          }
          libraries(child, reactor, libraries, volatileLibraries);
        }
      }
    }
  }

  private static String offlineHint(RepositorySystemSession session) {
    return session.isOffline() ? " (Maven is offline: run once without -o to download them)" : "";
  }

  /** A module's own resolved graph as {@link #collectLibraries} would list it. */
  static ModuleLibraries libraries(
      MavenSession session, MavenProject project, DependencyGraph graph) {
    Set<String> reactor = reactorModules(session);
    return new ModuleLibraries(
        project.getGroupId() + ":" + project.getArtifactId(),
        graph.artifacts().stream().map(ResolvedArtifact::coordinates).toList(),
        graph.artifacts().stream()
            .filter(a -> a.isVolatile() || reactor.contains(gav(a.coordinates())))
            .map(ResolvedArtifact::coordinates)
            .toList());
  }

  /** {@code groupId:artifactId:version} of every module of the reactor, {@code -pl} or not. */
  static Set<String> reactorModules(MavenSession session) {
    List<MavenProject> all = ReactorFunctionModules.wholeReactor(session);
    return all.stream()
        .map(p -> p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion())
        .collect(Collectors.toSet());
  }

  private static String gav(Artifact artifact) {
    return gav(coordinates(artifact));
  }

  private static String gav(Coordinates c) {
    return c.groupId() + ":" + c.artifactId() + ":" + c.version();
  }

  /** The project's dependencies as Maven would resolve them, managed versions included. */
  private static CollectRequest collectRequest(
      RepositorySystemSession repositorySession, MavenProject project) {
    ArtifactTypeRegistry types = repositorySession.getArtifactTypeRegistry();
    CollectRequest collect = new CollectRequest();
    collect.setRootArtifact(RepositoryUtils.toArtifact(project.getArtifact()));
    collect.setRepositories(project.getRemoteProjectRepositories());
    project
        .getDependencies()
        .forEach(d -> collect.addDependency(RepositoryUtils.toDependency(d, types)));
    DependencyManagement management = project.getDependencyManagement();
    if (management != null) {
      management
          .getDependencies()
          .forEach(d -> collect.addManagedDependency(RepositoryUtils.toDependency(d, types)));
    }
    return collect;
  }

  /**
   * Resolves one artifact (a shared layer's descriptor, for example) from the project's
   * repositories or the reactor; Maven's offline mode is honoured.
   *
   * @param what names the artifact in the error message
   * @param fix what the user can do when it cannot be resolved
   */
  public java.nio.file.Path resolveArtifact(
      MavenSession session, MavenProject project, Coordinates coordinates, String what, String fix)
      throws MojoExecutionException {
    try {
      ArtifactResult result =
          repositorySystem.resolveArtifact(
              session.getRepositorySession(), request(project, coordinates));
      return result.getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException(
          "Could not resolve "
              + what
              + " ("
              + coordinates.groupId()
              + ":"
              + coordinates.artifactId()
              + ":"
              + coordinates.extension()
              + ":"
              + coordinates.classifier()
              + ":"
              + coordinates.version()
              + "): "
              + e.getMessage()
              + (session.isOffline() ? " (Maven is offline: run once without -o)" : "")
              + ". "
              + fix,
          e);
    }
  }

  /**
   * Resolves the artifacts that can be resolved, in one request; the others are left out of the
   * result (the caller says what that means).
   */
  public Map<Coordinates, java.nio.file.Path> resolveAvailable(
      MavenSession session, MavenProject project, List<Coordinates> coordinates) {
    Map<Coordinates, java.nio.file.Path> out = new LinkedHashMap<>();
    List<ArtifactRequest> requests = coordinates.stream().map(c -> request(project, c)).toList();
    List<ArtifactResult> results;
    try {
      results = repositorySystem.resolveArtifacts(session.getRepositorySession(), requests);
    } catch (ArtifactResolutionException e) {
      results = e.getResults();
    }
    for (int i = 0; i < results.size() && i < coordinates.size(); i++) {
      ArtifactResult result = results.get(i);
      if (result != null
          && result.isResolved()
          && result.getArtifact().getFile() != null
          && result.getArtifact().getFile().isFile()) {
        out.put(coordinates.get(i), result.getArtifact().getFile().toPath());
      }
    }
    return out;
  }

  private static ArtifactRequest request(MavenProject project, Coordinates c) {
    return new ArtifactRequest(
        new DefaultArtifact(
            c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version()),
        project.getRemoteProjectRepositories(),
        null);
  }

  /** A library found in the graph, before its file is hashed. */
  private record Found(
      Coordinates coordinates,
      File file,
      String scope,
      List<Coordinates> via,
      boolean reactorModule) {

    ResolvedArtifact resolved(FileDigestCache digests) {
      try {
        return new ResolvedArtifact(
            coordinates, file.toPath(), digests.digest(file.toPath()), scope, via, reactorModule);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void collect(
      DependencyNode node,
      Deque<Coordinates> via,
      Set<String> reactor,
      MavenProject project,
      Map<Coordinates, Found> out)
      throws MojoExecutionException {
    for (DependencyNode child : node.getChildren()) {
      if (!RUNTIME_CLASSPATH.accept(child, List.of())) {
        continue;
      }
      Artifact artifact = child.getArtifact();
      Coordinates coordinates = coordinates(artifact);
      List<Coordinates> path = new ArrayList<>(via);
      File file = artifact.getFile();
      if (file == null || !file.isFile()) {
        throw new MojoExecutionException(missingFile(project, coordinates, path, file));
      }
      String gav = gav(artifact);
      out.putIfAbsent(
          coordinates,
          new Found(
              coordinates, file, child.getDependency().getScope(), path, reactor.contains(gav)));
      via.addLast(coordinates);
      collect(child, via, reactor, project, out);
      via.removeLast();
    }
  }

  private static String missingFile(
      MavenProject project, Coordinates coordinates, List<Coordinates> via, File file) {
    String chain =
        project.getId()
            + via.stream().map(c -> " -> " + c).collect(Collectors.joining())
            + " -> "
            + coordinates;
    if (file != null && file.isDirectory()) {
      return "Dependency "
          + coordinates
          + " resolved to the directory "
          + file
          + ", not a jar: it is a module of this build that has not been packaged yet. Run"
          + " the 'package' phase (mvn package) so that its jar exists. Path: "
          + chain;
    }
    return "Dependency "
        + coordinates
        + " has no file after resolution, so it cannot be put into a zip. Path: "
        + chain;
  }

  private static Coordinates coordinates(Artifact artifact) {
    return new Coordinates(
        artifact.getGroupId(),
        artifact.getArtifactId(),
        artifact.getBaseVersion(),
        artifact.getClassifier(),
        artifact.getExtension());
  }
}
