package dev.lambdalayer.core.model;

import java.util.List;

/** The project's resolved runtime dependencies, in resolution order, with the project's own id. */
public record DependencyGraph(Coordinates project, List<ResolvedArtifact> artifacts) {

  public DependencyGraph {
    artifacts = List.copyOf(artifacts);
  }
}
