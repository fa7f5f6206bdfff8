package dev.lambdalayer.core.model;

import dev.lambdalayer.core.plan.ReactorLayerSelection;
import java.util.List;

/**
 * The runtime libraries of one function module of a reactor build, as input to {@link
 * ReactorLayerSelection}.
 *
 * @param module the module's {@code groupId:artifactId}, for messages
 * @param libraries every library of the module's runtime graph, modules of the reactor included
 *     (they are never shared)
 * @param volatileLibraries the libraries of {@code libraries} that change with every build:
 *     SNAPSHOTs and modules of the same reactor
 */
public record ModuleLibraries(
    String module, List<Coordinates> libraries, List<Coordinates> volatileLibraries) {

  public ModuleLibraries {
    libraries = List.copyOf(libraries);
    volatileLibraries = List.copyOf(volatileLibraries);
  }
}
