package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.Coordinates;
import java.nio.file.Path;
import java.util.Map;

/**
 * A layer published by another project that a function uses: the reference as configured, its
 * descriptor, and the jars of its libraries that could be resolved (for the class-path check).
 *
 * @param reference {@code groupId:artifactId:version} of the layer project, as configured
 * @param jars library coordinates to their files; libraries that could not be resolved are absent
 */
public record SharedLayer(
    String reference, LayerDescriptor descriptor, Map<Coordinates, Path> jars) {

  public SharedLayer {
    jars = Map.copyOf(jars);
  }

  /** The layer's name in Lambda. */
  public String name() {
    return descriptor.name();
  }
}
