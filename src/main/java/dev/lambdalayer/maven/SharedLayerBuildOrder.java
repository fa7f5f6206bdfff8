package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.util.List;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Refuses a shared layer whose layer project is in this reactor but not built before the module.
 */
final class SharedLayerBuildOrder {

  private SharedLayerBuildOrder() {}

  /**
   * A shared layer built by a module of this reactor must be built before this module, or its
   * descriptor is missing, or stale from an earlier build, and under {@code -T} both build at once.
   * Maven orders modules only by their dependencies, so one must say so.
   */
  static void check(MavenSession session, MavenProject project, String reference, String[] gav) {
    if (session.getProjectDependencyGraph() == null) {
      return;
    }
    List<MavenProject> all = ReactorFunctionModules.wholeReactor(session);
    Predicate<MavenProject> isLayerProject =
        p ->
            p.getGroupId().equals(gav[0])
                && p.getArtifactId().equals(gav[1])
                && p.getVersion().equals(gav[2]);
    if (all.stream().anyMatch(isLayerProject)
        && session.getProjectDependencyGraph().getUpstreamProjects(project, true).stream()
            .noneMatch(isLayerProject)) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.SHARED_LAYERS,
              reference,
              "is a module of this reactor, but nothing makes Maven build it before "
                  + project.getArtifactId()
                  + " (its descriptor could be missing or stale, and under -T both build at once)",
              "declare the layer project as a dependency of "
                  + project.getArtifactId()
                  + ", which orders the build: <dependency><groupId>"
                  + gav[0]
                  + "</groupId><artifactId>"
                  + gav[1]
                  + "</artifactId><version>"
                  + gav[2]
                  + "</version><type>pom</type><scope>provided</scope></dependency>"));
    }
  }
}
