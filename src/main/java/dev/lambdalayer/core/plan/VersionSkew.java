package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.ResolvedArtifact;

/**
 * A library the function's graph wants in another version than a shared layer holds. The function's
 * version stays in its zip ({@code /var/task/lib}), which Lambda searches before the layers' {@code
 * /opt/java/lib}: the function's version is the one that runs, and the layer's copy is shadowed
 * class by class.
 *
 * @param sharedLayer the shared layer's reference ({@code groupId:artifactId:version})
 * @param inLayer the library as the shared layer holds it
 * @param wanted the library as the function's graph resolved it, with its dependency path
 */
public record VersionSkew(
    String sharedLayer,
    String layerName,
    Coordinates inLayer,
    ResolvedArtifact wanted,
    Coordinates project) {

  /** One line for logs and reports. */
  public String message() {
    return wanted.coordinates().key()
        + ": the function wants "
        + wanted.coordinates().version()
        + " (path: "
        + wanted.pathFrom(project)
        + ") but shared layer "
        + sharedLayer
        + " ('"
        + layerName
        + "') holds "
        + inLayer.version()
        + ". "
        + wanted.coordinates().version()
        + " stays in the function zip (/var/task/lib) and runs, as function jars shadow layer"
        + " jars in /opt/java/lib; "
        + inLayer.version()
        + " in the layer is shadowed. Align the versions (dependencyManagement) to use the"
        + " layer's copy.";
  }
}
