package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import java.util.List;

/**
 * A layer as configured: its name, which libraries it takes, which it refuses, and whether it also
 * takes the transitive dependencies of what it matched.
 */
public record LayerRule(
    String name,
    List<ArtifactPattern> includes,
    List<ArtifactPattern> excludes,
    boolean transitive) {

  public LayerRule {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  boolean includes(Coordinates coordinates) {
    return includes.stream().anyMatch(p -> p.matches(coordinates)) && !excludes(coordinates);
  }

  boolean excludes(Coordinates coordinates) {
    return excludes.stream().anyMatch(p -> p.matches(coordinates));
  }
}
