package dev.lambdalayer.core.lock;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PlannedLayer;
import dev.lambdalayer.core.plan.PreparedPackage;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes the lockfile that describes a prepared package, keeping still-valid publish records. */
public final class LockfileBuilder {

  private LockfileBuilder() {}

  /**
   * @param layerSha256 each layer's zip SHA-256 (hex) by layer name
   * @param previous the lockfile being refreshed: a layer whose name and content hash did not
   *     change keeps its {@code published} records, as the published versions still hold exactly
   *     this content
   */
  public static Lockfile build(
      PackagingRequest request,
      PreparedPackage prepared,
      Map<String, String> layerSha256,
      Optional<Lockfile> previous) {
    List<Lockfile.Layer> layers = new ArrayList<>();
    for (PlannedLayer layer : prepared.layers()) {
      String sha256 = layerSha256.get(layer.name());
      List<Lockfile.Published> published =
          previous
              .flatMap(p -> p.layer(layer.name()))
              .filter(locked -> locked.sha256().equals(sha256))
              .map(Lockfile.Layer::published)
              .orElse(List.of());
      layers.add(
          new Lockfile.Layer(
              layer.name(),
              request.runtimes(),
              request.architectures(),
              sha256,
              Hashes.toBase64(sha256),
              libraries(layer.libraries()),
              published));
    }
    Coordinates project = request.graph().project();
    return new Lockfile(
        Lockfile.CURRENT_VERSION,
        project.groupId() + ":" + project.artifactId(),
        timestamp(PackagingRequest.LAYER_TIMESTAMP),
        ReproducibleZipWriter.FORMAT,
        layers,
        new Lockfile.Function(
            request.functionName(), libraries(prepared.plan().functionLibraries())),
        request.shared().layers().stream()
            .map(
                s ->
                    new Lockfile.SharedLayer(
                        s.reference(),
                        s.name(),
                        s.descriptor().sha256(),
                        s.descriptor().codeSha256(),
                        s.descriptor().libraries()))
            .toList(),
        // What the environments run does not change with the graph: the records stay.
        previous.map(Lockfile::environments).orElse(List.of()));
  }

  static String timestamp(Instant timestamp) {
    return timestamp.toString();
  }

  private static List<Lockfile.Library> libraries(List<ResolvedArtifact> artifacts) {
    return artifacts.stream()
        .map(
            a ->
                a.isVolatile()
                    ? new Lockfile.Library(a.coordinates(), null, null)
                    : new Lockfile.Library(a.coordinates(), a.sha256(), a.size()))
        .toList();
  }
}
