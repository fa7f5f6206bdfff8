package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.ResolvedArtifact;
import java.util.List;

/**
 * Where every library of the graph goes: into one of the layers, into the function's {@code lib/},
 * or nowhere because the Lambda runtime provides it.
 */
public record LayerPlan(
    List<PlannedLayer> layers,
    List<ResolvedArtifact> functionLibraries,
    List<ResolvedArtifact> runtimeProvided) {

  public LayerPlan {
    layers = List.copyOf(layers);
    functionLibraries = List.copyOf(functionLibraries);
    runtimeProvided = List.copyOf(runtimeProvided);
  }
}
