package dev.lambdalayer.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds the function modules of a reactor build, the modules a reactor layer is chosen from: every
 * module of the whole reactor (also those {@code -pl} leaves out, so the layer does not depend on
 * what is built) that declares this plugin, except aggregators and modules configured with {@code
 * <skip>true</skip>} or {@code <layerProject>true</layerProject>}. When no module declares the
 * plugin (it is run from the command line), every module that is not a pom counts.
 */
final class ReactorFunctionModules {

  private ReactorFunctionModules() {}

  static List<MavenProject> of(
      MavenSession session, MavenProject current, String pluginGroupId, String pluginArtifactId) {
    List<MavenProject> all = ReactorFunctionModules.wholeReactor(session);
    List<MavenProject> declaring =
        all.stream().filter(p -> plugin(p, pluginGroupId, pluginArtifactId) != null).toList();
    List<MavenProject> modules = new ArrayList<>();
    if (declaring.isEmpty()) {
      all.stream().filter(p -> !"pom".equals(p.getPackaging())).forEach(modules::add);
    } else {
      for (MavenProject p : declaring) {
        Plugin plugin = plugin(p, pluginGroupId, pluginArtifactId);
        if (p.getModules().isEmpty()
            && !isTrue(plugin, "skip")
            && !isTrue(plugin, "layerProject")) {
          modules.add(p);
        }
      }
    }
    if (modules.stream().noneMatch(p -> sameProject(p, current))) {
      modules.add(current);
    }
    return modules;
  }

  /** Every module of the reactor, also those {@code -pl} leaves out of the build. */
  static List<MavenProject> wholeReactor(MavenSession session) {
    return session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
  }

  static boolean sameProject(MavenProject a, MavenProject b) {
    return Objects.equals(a.getGroupId(), b.getGroupId())
        && Objects.equals(a.getArtifactId(), b.getArtifactId())
        && Objects.equals(a.getVersion(), b.getVersion());
  }

  private static Plugin plugin(MavenProject project, String groupId, String artifactId) {
    return project.getBuildPlugins().stream()
        .filter(p -> groupId.equals(p.getGroupId()) && artifactId.equals(p.getArtifactId()))
        .findFirst()
        .orElse(null);
  }

  /** Whether the plugin's own or any execution's configuration sets {@code name} to true. */
  private static boolean isTrue(Plugin plugin, String name) {
    return Stream.concat(
            Stream.of(plugin.getConfiguration()),
            plugin.getExecutions().stream().map(PluginExecution::getConfiguration))
        .filter(Xpp3Dom.class::isInstance)
        .map(c -> ((Xpp3Dom) c).getChild(name))
        .map(child -> child == null ? null : child.getValue())
        .anyMatch(value -> value != null && "true".equalsIgnoreCase(value.trim()));
  }
}
