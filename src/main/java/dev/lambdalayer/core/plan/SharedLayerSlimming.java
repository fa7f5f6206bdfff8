package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.ResolvedArtifact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes out of a function's graph the libraries its shared layers already carry. A library matches
 * by {@code groupId:artifactId} (and classifier); when the versions differ it is a {@link
 * VersionSkew} and the function keeps its own version.
 */
public final class SharedLayerSlimming {

  /**
   * The graph without what the shared layers carry, and the skews.
   *
   * @param provided the libraries left out because a shared layer carries them at the same version
   * @param skews libraries kept at the function's version; they must stay in the function zip
   */
  public record Slimmed(
      DependencyGraph graph, List<ResolvedArtifact> provided, List<VersionSkew> skews) {

    public Slimmed {
      provided = List.copyOf(provided);
      skews = List.copyOf(skews);
    }
  }

  private SharedLayerSlimming() {}

  public static Slimmed slim(DependencyGraph graph, List<SharedLayer> shared) {
    if (shared.isEmpty()) {
      return new Slimmed(graph, List.of(), List.of());
    }
    record Held(SharedLayer layer, Coordinates coordinates) {}
    Map<String, Held> held = new HashMap<>();
    for (SharedLayer layer : shared) {
      for (Lockfile.Library library : layer.descriptor().libraries()) {
        // The first shared layer that carries a library is the one it is counted for.
        held.putIfAbsent(identity(library.coordinates()), new Held(layer, library.coordinates()));
      }
    }
    List<ResolvedArtifact> kept = new ArrayList<>();
    List<ResolvedArtifact> provided = new ArrayList<>();
    List<VersionSkew> skews = new ArrayList<>();
    for (ResolvedArtifact artifact : graph.artifacts()) {
      Held match = held.get(identity(artifact.coordinates()));
      if (match == null) {
        kept.add(artifact);
      } else if (match.coordinates().version().equals(artifact.coordinates().version())) {
        provided.add(artifact);
      } else {
        kept.add(artifact);
        skews.add(
            new VersionSkew(
                match.layer().reference(),
                match.layer().name(),
                match.coordinates(),
                artifact,
                graph.project()));
      }
    }
    return new Slimmed(new DependencyGraph(graph.project(), kept), provided, skews);
  }

  private static String identity(Coordinates c) {
    return c.key() + ":" + c.classifier() + ":" + c.extension();
  }
}
