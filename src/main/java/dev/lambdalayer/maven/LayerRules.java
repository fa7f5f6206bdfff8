package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.plan.LayerRule;
import java.util.ArrayList;
import java.util.List;

/** The core's layer rules from {@code <layers>}, {@code <layerName>} and {@code <layerProject>}. */
final class LayerRules {

  private LayerRules() {}

  /**
   * One rule per configured {@code <layer>}; none when {@code <layers>} is empty (the core then
   * makes its default layer), except for a layer project, which gets one explicit rule.
   */
  static List<LayerRule> of(
      List<LayerConfiguration> layers, String layerName, String artifactId, boolean layerProject) {
    List<LayerRule> rules = new ArrayList<>();
    if (layerProject && layers.isEmpty()) {
      // An explicit rule, unlike the default one, also takes SNAPSHOTs: a layer project has no
      // function to leave them in.
      rules.add(
          new LayerRule(
              layerName(layerName, artifactId),
              List.of(ArtifactPattern.parse("*:*", Setting.LAYERS)),
              List.of(),
              true));
      return rules;
    }
    for (LayerConfiguration layer : layers) {
      rules.add(
          new LayerRule(
              layer.getName() == null ? null : layer.getName().trim(),
              PomValues.patterns(layer.getIncludes(), Setting.LAYER_INCLUDES),
              PomValues.patterns(layer.getExcludes(), Setting.LAYER_EXCLUDES),
              layer.isTransitive()));
    }
    return rules;
  }

  /** The configured layers' names, or the single default layer's (for {@code lambda:prune}). */
  static List<String> names(List<LayerConfiguration> layers, String layerName, String artifactId) {
    if (layers.isEmpty()) {
      return List.of(layerName(layerName, artifactId));
    }
    return layers.stream()
        .map(LayerConfiguration::getName)
        .filter(n -> n != null && !n.isBlank())
        .map(String::trim)
        .toList();
  }

  /** {@code <layerName>}, else the default derived from the artifactId. */
  static String layerName(String layerName, String artifactId) {
    return layerName != null ? layerName : defaultLayerName(artifactId);
  }

  /** Lambda allows only A-Z, a-z, 0-9, '-' and '_' in layer names, up to 64 of them here. */
  static String defaultLayerName(String artifactId) {
    String name = artifactId.replaceAll("[^A-Za-z0-9_-]", "-");
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
