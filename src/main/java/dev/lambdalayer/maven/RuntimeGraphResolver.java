package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.ModuleLibraries;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * The one place that talks to Maven Resolver: collects and resolves a project's runtime graph
 * (compile and runtime scopes, with Maven's mediation, exclusions and optional handling) and turns
 * it into the core's {@link DependencyGraph}.
 */
@Named
@Singleton
public class RuntimeGraphResolver {

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private final RepositorySystem repositorySystem;

  @Inject
  public RuntimeGraphResolver(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  /**
   * The project's runtime class path as Maven resolved it for the goal ({@code
   * requiresDependencyResolution = runtime}): the same artifacts, versions and files as {@code mvn
   * dependency:list -DincludeScope=runtime}, so the zips never disagree with Maven, and a {@code
   * mvn package} resolves once. Only jars become libraries: a {@code pom}-type dependency
   * contributes its dependencies (which Maven lists on their own), never its {@code .pom} file.
   * Every jar is checked to be a readable zip before anything is written.
   *
   * @param warn receives what the user should know: system-scoped or non-jar dependencies
   */
  public DependencyGraph resolve(
      MavenSession session, MavenProject project, FileDigestCache digests, Consumer<String> warn)
      throws MojoExecutionException, IOException {
    Set<String> reactor = reactorModules(session);
    Map<String, Coordinates> byId = new HashMap<>();
    List<org.apache.maven.artifact.Artifact> runtime = new ArrayList<>();
    for (org.apache.maven.artifact.Artifact artifact : project.getArtifacts()) {
      byId.put(artifact.getId(), coordinates(artifact));
      if (RUNTIME_SCOPES.contains(artifact.getScope())) {
        runtime.add(artifact);
      }
    }
    List<Found> found = new ArrayList<>();
    for (org.apache.maven.artifact.Artifact artifact : runtime) {
      Coordinates coordinates = coordinates(artifact);
      List<Coordinates> via = via(artifact, byId);
      if (!"jar".equals(coordinates.extension())) {
        if (!"pom".equals(coordinates.extension())) {
          warn.accept(notAJar(project, coordinates, via));
        }
        continue;
      }
      File file = artifact.getFile();
      if (file == null || !file.isFile()) {
        throw new MojoExecutionException(missingFile(project, coordinates, via, file));
      }
      found.add(
          new Found(
              coordinates, file, artifact.getScope(), via, reactor.contains(gav(coordinates))));
    }
    systemScoped(project).forEach(warn);
    // Hashing and checking reads every jar: spread it over the cores, then keep the graph's order.
    List<ResolvedArtifact> artifacts;
    try {
      artifacts = found.parallelStream().map(f -> f.resolved(digests)).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new DependencyGraph(
        coordinates(RepositoryUtils.toArtifact(project.getArtifact())), artifacts);
  }

  /**
   * The chain through which the project reaches {@code artifact}, nearest last, from Maven's
   * dependency trail. Ancestors off the runtime class path (a test dependency above a library whose
   * scope Maven widened to compile) are named as Maven names them.
   */
  private static List<Coordinates> via(
      org.apache.maven.artifact.Artifact artifact, Map<String, Coordinates> byId) {
    List<String> trail = artifact.getDependencyTrail();
    if (trail == null || trail.size() <= 2) {
      return List.of();
    }
    List<Coordinates> via = new ArrayList<>();
    for (String id : trail.subList(1, trail.size() - 1)) {
      Coordinates known = byId.get(id);
      via.add(known != null ? known : fromId(id));
    }
    return via;
  }

  /**
   * {@code groupId:artifactId:type[:classifier]:version}, as {@code Artifact#getId()} writes it.
   */
  private static Coordinates fromId(String id) {
    String[] p = id.split(":");
    if (p.length == 5) {
      return new Coordinates(p[0], p[1], p[4], p[3], "jar");
    }
    return new Coordinates(p[0], p[1], p.length > 3 ? p[3] : "?", "", "jar");
  }

  /**
   * Maven leaves system-scoped dependencies off the runtime class path, so Lambda will not have
   * them either; the build would otherwise pass and the function fail at its first call.
   */
  private static List<String> systemScoped(MavenProject project) {
    return project.getDependencies().stream()
        .filter(d -> "system".equals(d.getScope()))
        .map(
            d ->
                "Dependency "
                    + d.getGroupId()
                    + ":"
                    + d.getArtifactId()
                    + ":"
                    + d.getVersion()
                    + " has scope 'system': Maven leaves it off the runtime class path, so it is"
                    + " in no zip and Lambda will not have it. Fix: install the jar into a"
                    + " repository (mvn install:install-file -Dfile="
                    + (d.getSystemPath() == null ? "<jar>" : d.getSystemPath())
                    + " -DgroupId="
                    + d.getGroupId()
                    + " -DartifactId="
                    + d.getArtifactId()
                    + " -Dversion="
                    + d.getVersion()
                    + " -Dpackaging=jar) and depend on it in compile scope.")
        .toList();
  }

  private static String notAJar(
      MavenProject project, Coordinates coordinates, List<Coordinates> via) {
    return "Dependency "
        + coordinates
        + " is of type '"
        + coordinates.extension()
        + "', not a jar: Lambda loads only jars, so it is left out of the zips. Path: "
        + chain(project, coordinates, via);
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
      DependencyNode root,
      Set<String> reactor,
      Set<Coordinates> libraries,
      Set<Coordinates> volatileLibraries) {
    for (DependencyNode node : RuntimeClassPathNodes.of(root)) {
      Coordinates coordinates = coordinates(node.getArtifact());
      if ("jar".equals(coordinates.extension()) && libraries.add(coordinates)) {
        if (reactor.contains(gav(coordinates))) {
          volatileLibraries.add(coordinates);
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
            coordinates,
            file.toPath(),
            digests.digestJar(file.toPath(), coordinates.toString(), !reactorModule),
            scope,
            via,
            reactorModule);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String missingFile(
      MavenProject project, Coordinates coordinates, List<Coordinates> via, File file) {
    String chain = chain(project, coordinates, via);
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

  private static String chain(
      MavenProject project, Coordinates coordinates, List<Coordinates> via) {
    return project.getId()
        + via.stream().map(c -> " -> " + c).collect(Collectors.joining())
        + " -> "
        + coordinates;
  }

  private static Coordinates coordinates(org.apache.maven.artifact.Artifact artifact) {
    String extension =
        artifact.getArtifactHandler() != null
                && artifact.getArtifactHandler().getExtension() != null
            ? artifact.getArtifactHandler().getExtension()
            : artifact.getType();
    return new Coordinates(
        artifact.getGroupId(),
        artifact.getArtifactId(),
        artifact.getBaseVersion(),
        artifact.getClassifier(),
        extension);
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
