package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.plan.BuiltZip;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Lambda will put on the function's class path: the function zip, the layer zips in the order
 * of the function's {@code Layers} list, the coordinates of the jars they carry (by file name, when
 * known) and the runtimes the function targets.
 *
 * @param libraries jar file name (as inside the zips) to its coordinates; jars not listed are
 *     identified by their {@code META-INF/maven/.../pom.properties}, if they carry exactly one
 * @param runtimes Lambda runtime ids such as {@code java21}; the oldest one is checked against
 * @param leftOut libraries on Maven's runtime class path that the zips leave out, so that a class
 *     missing in Lambda but present in one of them is blamed on the placement, not on the scopes
 * @param sha256 jar file name (as inside the zips) to the jar's SHA-256, when known: the key of the
 *     class index kept across builds
 */
public record ClassPathInput(
    Path functionZip,
    List<LayerZip> layers,
    Map<String, Coordinates> libraries,
    List<String> runtimes,
    List<LeftOut> leftOut,
    Map<String, String> sha256) {

  /** One layer zip and the name it is shown with. */
  public record LayerZip(String name, Path file) {}

  /** Why a library of Maven's runtime class path is in none of the zips. */
  public enum Reason {
    /** A {@code runtimeProvided} pattern says the Lambda runtime provides it. */
    RUNTIME_PROVIDED,
    /** A shared layer holds it, but the class-path check could not use that layer's jar. */
    SHARED_LAYER
  }

  /** A library of Maven's runtime class path that no zip carries, and why. */
  public record LeftOut(Coordinates library, Path jar, Reason reason) {}

  public ClassPathInput {
    layers = List.copyOf(layers);
    libraries = Map.copyOf(libraries);
    runtimes = List.copyOf(runtimes);
    leftOut = List.copyOf(leftOut);
    sha256 = Map.copyOf(sha256);
  }

  /** Without the jars' SHA-256: nothing is cached across builds. */
  public ClassPathInput(
      Path functionZip,
      List<LayerZip> layers,
      Map<String, Coordinates> libraries,
      List<String> runtimes,
      List<LeftOut> leftOut) {
    this(functionZip, layers, libraries, runtimes, leftOut, Map.of());
  }

  /** The zips alone, when nothing is known of Maven's class path (e.g. from {@code build.json}). */
  public ClassPathInput(
      Path functionZip,
      List<LayerZip> layers,
      Map<String, Coordinates> libraries,
      List<String> runtimes) {
    this(functionZip, layers, libraries, runtimes, List.of());
  }

  /**
   * The zips {@link LambdaPackager} has just written, in the configured layer order, with the
   * shared layers before or after the project's own as {@link SharedLayerSettings#first()} says.
   */
  public static ClassPathInput of(PackagingRequest request, PackagingResult result) {
    List<LayerZip> layers = new ArrayList<>();
    Map<String, Coordinates> libraries = new LinkedHashMap<>();
    Map<String, String> sha256 = new LinkedHashMap<>();
    for (BuiltZip layer : result.layersInMergeOrder(request.shared().first())) {
      layers.add(new LayerZip(result.layerLabel(layer), layer.zip().file()));
      layer
          .libraries()
          .forEach(
              a -> {
                libraries.put(a.coordinates().fileName(), a.coordinates());
                sha256.put(a.coordinates().fileName(), a.sha256());
              });
    }
    result
        .function()
        .libraries()
        .forEach(
            a -> {
              libraries.put(a.coordinates().fileName(), a.coordinates());
              sha256.put(a.coordinates().fileName(), a.sha256());
            });
    Set<Coordinates> placed = new HashSet<>(libraries.values());
    Set<Coordinates> provided = new HashSet<>();
    result.plan().runtimeProvided().forEach(a -> provided.add(a.coordinates()));
    List<LeftOut> leftOut =
        request.graph().artifacts().stream()
            .filter(a -> !placed.contains(a.coordinates()))
            .map(
                a ->
                    new LeftOut(
                        a.coordinates(),
                        a.file(),
                        provided.contains(a.coordinates())
                            ? Reason.RUNTIME_PROVIDED
                            : Reason.SHARED_LAYER))
            .toList();
    return new ClassPathInput(
        result.function().zip().file(), layers, libraries, request.runtimes(), leftOut, sha256);
  }
}
