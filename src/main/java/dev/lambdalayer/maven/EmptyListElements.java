package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds {@code <runtimes/>} and {@code <architectures/>} written empty in the POM. Maven injects
 * the parameter's default for an empty element, so the Mojo cannot tell it from an unset one; the
 * POM's own configuration (the plugin's and its executions') still shows it.
 */
final class EmptyListElements {

  private EmptyListElements() {}

  /**
   * @throws InvalidConfigurationException naming each such element and its default
   */
  static void refuse(MavenProject project, String groupId, String artifactId) {
    if (project == null || project.getBuildPlugins() == null) {
      return;
    }
    List<Violation> violations = new ArrayList<>();
    for (Plugin plugin : project.getBuildPlugins()) {
      if (!groupId.equals(plugin.getGroupId()) || !artifactId.equals(plugin.getArtifactId())) {
        continue;
      }
      List<Object> configurations =
          Stream.concat(
                  Stream.of(plugin.getConfiguration()),
                  plugin.getExecutions().stream().map(PluginExecution::getConfiguration))
              .toList();
      check(configurations, "runtimes", Setting.RUNTIMES, "java21", violations);
      check(configurations, "architectures", Setting.ARCHITECTURES, "x86_64", violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
  }

  private static void check(
      List<Object> configurations,
      String element,
      Setting setting,
      String defaultValue,
      List<Violation> violations) {
    for (Object configuration : configurations) {
      if (configuration instanceof Xpp3Dom dom) {
        Xpp3Dom child = dom.getChild(element);
        if (child != null
            && child.getChildCount() == 0
            && (child.getValue() == null || child.getValue().isBlank())) {
          violations.add(
              new Violation(
                  setting,
                  "",
                  "the list is empty (Maven would silently use the default " + defaultValue + ")",
                  "list at least one value, or remove the element to use the default "
                      + defaultValue));
          return;
        }
      }
    }
  }
}
