package dev.lambdalayer.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a dependency graph into layers by rules.
 *
 * <p>The first rule whose includes match a library (and whose excludes do not) takes it. A library
 * no rule matched follows its nearest ancestor that a rule matched, when that rule is transitive.
 * SNAPSHOTs and reactor modules are never taken by the default rule nor transitively: they change
 * with every build, and a layer that changes with every build is a new layer version every time.
 */
public final class LayerPlanner {

  private final List<LayerRule> rules;
  private final List<ArtifactPattern> runtimeProvided;
  private final boolean defaultRule;

  private LayerPlanner(
      List<LayerRule> rules, List<ArtifactPattern> runtimeProvided, boolean defaultRule) {
    this.rules = List.copyOf(rules);
    this.runtimeProvided = List.copyOf(runtimeProvided);
    this.defaultRule = defaultRule;
  }

  /** A planner with explicit rules, or with one layer named {@code defaultLayerName} when none. */
  public static LayerPlanner of(
      List<LayerRule> rules, List<ArtifactPattern> runtimeProvided, String defaultLayerName) {
    if (rules.isEmpty()) {
      LayerRule everything =
          new LayerRule(
              defaultLayerName,
              List.of(ArtifactPattern.parse("*:*", Setting.LAYERS)),
              List.of(),
              true);
      return new LayerPlanner(List.of(everything), runtimeProvided, true);
    }
    return new LayerPlanner(rules, runtimeProvided, false);
  }

  public LayerPlan plan(DependencyGraph graph) {
    Map<Coordinates, LayerRule> direct = new HashMap<>();
    List<ResolvedArtifact> provided = new ArrayList<>();
    for (ResolvedArtifact artifact : graph.artifacts()) {
      if (runtimeProvided.stream().anyMatch(p -> p.matches(artifact.coordinates()))) {
        provided.add(artifact);
        continue;
      }
      if (defaultRule && artifact.isVolatile()) {
        continue;
      }
      rules.stream()
          .filter(rule -> rule.includes(artifact.coordinates()))
          .findFirst()
          .ifPresent(rule -> direct.put(artifact.coordinates(), rule));
    }

    Map<String, List<ResolvedArtifact>> byLayer = new LinkedHashMap<>();
    rules.forEach(rule -> byLayer.put(rule.name(), new ArrayList<>()));
    List<ResolvedArtifact> function = new ArrayList<>();
    for (ResolvedArtifact artifact : graph.artifacts()) {
      if (provided.contains(artifact)) {
        continue;
      }
      LayerRule rule = direct.get(artifact.coordinates());
      if (rule == null && !artifact.isVolatile()) {
        rule = inherited(artifact, direct);
      }
      (rule == null ? function : byLayer.get(rule.name())).add(artifact);
    }
    List<PlannedLayer> layers = new ArrayList<>();
    byLayer.forEach((name, libraries) -> layers.add(new PlannedLayer(name, libraries)));
    return new LayerPlan(layers, function, provided);
  }

  /** The layer of the nearest directly matched ancestor, if that layer takes transitives. */
  private static LayerRule inherited(
      ResolvedArtifact artifact, Map<Coordinates, LayerRule> direct) {
    List<Coordinates> via = artifact.via();
    for (int i = via.size() - 1; i >= 0; i--) {
      LayerRule ancestorRule = direct.get(via.get(i));
      if (ancestorRule != null) {
        return ancestorRule.transitive() && !ancestorRule.excludes(artifact.coordinates())
            ? ancestorRule
            : null;
      }
    }
    return null;
  }
}
