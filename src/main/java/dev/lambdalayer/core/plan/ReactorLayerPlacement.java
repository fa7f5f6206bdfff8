package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Puts a module's share of the {@link ReactorLayer} in place: the layer goes first among the
 * project's own layers, and the libraries it holds leave the graph that the layer rules then split.
 */
final class ReactorLayerPlacement {

  private final PlannedLayer layer;
  private final DependencyGraph remaining;

  private ReactorLayerPlacement(PlannedLayer layer, DependencyGraph remaining) {
    this.layer = layer;
    this.remaining = remaining;
  }

  /** Checks the reactor layer's settings against the names of the function's other layers. */
  static List<Violation> checkSettings(ReactorLayer reactor, List<String> otherLayerNames) {
    List<Violation> violations = new ArrayList<>();
    if (!reactor.isEnabled()) {
      return violations;
    }
    if (!LambdaLimits.isValidLayerName(reactor.name())) {
      violations.add(
          new Violation(
              Setting.REACTOR_LAYER,
              reactor.name(),
              "is not a valid Lambda layer name",
              "use 1 to 64 characters from A-Z, a-z, 0-9, '-' and '_'"));
    } else if (otherLayerNames.stream().anyMatch(n -> reactor.name().equalsIgnoreCase(n))) {
      violations.add(
          new Violation(
              Setting.REACTOR_LAYER,
              reactor.name(),
              "is also the name of one of the project's own or shared layers",
              "give the reactor layer a name of its own, e.g. reactor-shared"));
    }
    if (reactor.minModules() < 1) {
      violations.add(
          new Violation(
              Setting.REACTOR_LAYER_MIN_MODULES,
              String.valueOf(reactor.minModules()),
              "must be at least 1",
              "set how many function modules must use a library for it to be shared, e.g. 2"));
    }
    return violations;
  }

  /**
   * Takes the reactor layer's libraries out of the module's graph. Libraries a shared layer of this
   * module already holds stay out of the reactor layer: one copy in {@code /opt} is enough.
   */
  static ReactorLayerPlacement place(
      ReactorLayer reactor,
      SharedLayerSlimming.Slimmed slimmed,
      SharedLayerSettings shared,
      List<String> warnings) {
    DependencyGraph graph = slimmed.graph();
    if (!reactor.isEnabled()) {
      return new ReactorLayerPlacement(null, graph);
    }
    Set<String> inSharedLayers = new HashSet<>();
    shared.layers().stream()
        .flatMap(l -> l.descriptor().libraries().stream())
        .forEach(l -> inSharedLayers.add(l.coordinates().key()));
    List<ResolvedArtifact> libraries = new ArrayList<>();
    for (ResolvedArtifact library : reactor.libraries()) {
      if (!inSharedLayers.contains(library.coordinates().key())) {
        libraries.add(library);
      }
    }
    List<ResolvedArtifact> used = new ArrayList<>(graph.artifacts());
    used.addAll(slimmed.provided());
    for (ReactorLayerSelection.LeftOut left : reactor.leftOut()) {
      if (used.stream().anyMatch(a -> left.concerns(a.coordinates()))) {
        warnings.add("Reactor layer '" + reactor.name() + "': " + left.message() + ".");
      }
    }
    if (libraries.isEmpty()) {
      warnings.add(
          reactor.libraries().isEmpty()
              ? String.format(
                  Locale.ROOT,
                  "Reactor layer '%s' holds no library: no release library is used by at least %d"
                      + " of the %d function modules of this build. It is left out.",
                  reactor.name(),
                  reactor.minModules(),
                  reactor.modules())
              : "Reactor layer '"
                  + reactor.name()
                  + "' holds no library: this module's shared layers already hold all of them."
                  + " It is left out.");
      return new ReactorLayerPlacement(null, graph);
    }
    Set<Coordinates> inLayer = new HashSet<>();
    libraries.forEach(a -> inLayer.add(a.coordinates()));
    List<ResolvedArtifact> rest =
        graph.artifacts().stream().filter(a -> !inLayer.contains(a.coordinates())).toList();
    return new ReactorLayerPlacement(
        new PlannedLayer(reactor.name(), libraries), new DependencyGraph(graph.project(), rest));
  }

  /** The graph the project's own layer rules split: without the reactor layer's libraries. */
  DependencyGraph remainingGraph() {
    return remaining;
  }

  /** {@code plan} with the reactor layer as its first layer. */
  LayerPlan prepend(LayerPlan plan) {
    if (layer == null) {
      return plan;
    }
    List<PlannedLayer> layers = new ArrayList<>();
    layers.add(layer);
    layers.addAll(plan.layers());
    return new LayerPlan(layers, plan.functionLibraries(), plan.runtimeProvided());
  }

  boolean isReactorLayer(PlannedLayer candidate) {
    return layer != null && layer.name().equals(candidate.name());
  }
}
