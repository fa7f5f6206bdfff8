package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a dependency graph into layers by rules.
 *
 * <p>The first rule whose includes match a library (and whose excludes do not) takes it. A library
 * no rule matched follows its nearest ancestor, when that ancestor went to a transitive layer that
 * does not exclude it; otherwise it goes to the function. SNAPSHOTs and reactor modules are never
 * taken by the default rule nor transitively: they change with every build, and a layer that
 * changes with every build is a new layer version every time.
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

    Map<Coordinates, ResolvedArtifact> byCoordinates = new HashMap<>();
    graph.artifacts().forEach(a -> byCoordinates.put(a.coordinates(), a));
    Set<Coordinates> providedCoordinates = new HashSet<>();
    provided.forEach(a -> providedCoordinates.add(a.coordinates()));
    Placement placement = new Placement(direct, byCoordinates, providedCoordinates);
    Map<String, List<ResolvedArtifact>> byLayer = new LinkedHashMap<>();
    rules.forEach(rule -> byLayer.put(rule.name(), new ArrayList<>()));
    List<ResolvedArtifact> function = new ArrayList<>();
    for (ResolvedArtifact artifact : graph.artifacts()) {
      if (providedCoordinates.contains(artifact.coordinates())) {
        continue;
      }
      LayerRule rule = placement.of(artifact);
      (rule == null ? function : byLayer.get(rule.name())).add(artifact);
    }
    List<PlannedLayer> layers = new ArrayList<>();
    byLayer.forEach((name, libraries) -> layers.add(new PlannedLayer(name, libraries)));
    return new LayerPlan(layers, function, provided);
  }

  /**
   * Where each library goes: its own rule if one matched it, else where its nearest ancestor went
   * when that is a transitive layer that does not exclude it, else the function. Following the
   * nearest ancestor (not the nearest matched one) means that excluding a library from a layer also
   * keeps its own dependencies out of it. Libraries the runtime provides are looked through.
   */
  private static final class Placement {
    private final Map<Coordinates, LayerRule> direct;
    private final Map<Coordinates, ResolvedArtifact> byCoordinates;
    private final Set<Coordinates> provided;
    private final Map<Coordinates, Optional<LayerRule>> decided = new HashMap<>();

    Placement(
        Map<Coordinates, LayerRule> direct,
        Map<Coordinates, ResolvedArtifact> byCoordinates,
        Set<Coordinates> provided) {
      this.direct = direct;
      this.byCoordinates = byCoordinates;
      this.provided = provided;
    }

    /** The layer rule that takes {@code artifact}, or null for the function. */
    LayerRule of(ResolvedArtifact artifact) {
      Optional<LayerRule> known = decided.get(artifact.coordinates());
      if (known == null) {
        known = Optional.ofNullable(decide(artifact));
        decided.put(artifact.coordinates(), known);
      }
      return known.orElse(null);
    }

    private LayerRule decide(ResolvedArtifact artifact) {
      LayerRule own = direct.get(artifact.coordinates());
      if (own != null || artifact.isVolatile()) {
        return own;
      }
      List<Coordinates> via = artifact.via();
      for (int i = via.size() - 1; i >= 0; i--) {
        ResolvedArtifact ancestor = byCoordinates.get(via.get(i));
        if (ancestor == null || provided.contains(ancestor.coordinates())) {
          continue;
        }
        LayerRule rule = of(ancestor);
        return rule != null && rule.transitive() && !rule.excludes(artifact.coordinates())
            ? rule
            : null;
      }
      return null;
    }
  }
}
