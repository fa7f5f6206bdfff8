package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.ResolvedArtifact;
import java.util.List;

/** A layer as planned: its name and the libraries it will carry. */
public record PlannedLayer(String name, List<ResolvedArtifact> libraries) {

  public PlannedLayer {
    libraries = List.copyOf(libraries);
  }
}
