package dev.lambdalayer.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Lambda will put on the function's class path: the function zip, the layer zips in the order
 * of the function's {@code Layers} list, the coordinates of the jars they carry (by file name, when
 * known) and the runtimes the function targets.
 *
 * @param libraries jar file name (as inside the zips) to its coordinates; jars not listed are
 *     identified by their {@code META-INF/maven/.../pom.properties}, if they carry exactly one
 * @param runtimes Lambda runtime ids such as {@code java21}; the oldest one is checked against
 */
public record ClassPathInput(
    Path functionZip,
    List<LayerZip> layers,
    Map<String, Coordinates> libraries,
    List<String> runtimes) {

  /** One layer zip and the name it is shown with. */
  public record LayerZip(String name, Path file) {}

  public ClassPathInput {
    layers = List.copyOf(layers);
    libraries = Map.copyOf(libraries);
    runtimes = List.copyOf(runtimes);
  }

  /**
   * The zips {@link LambdaPackager} has just written, in the configured layer order, with the
   * shared layers before or after the project's own as {@link SharedLayerSettings#first()} says.
   */
  public static ClassPathInput of(PackagingRequest request, PackagingResult result) {
    List<LayerZip> layers = new ArrayList<>();
    Map<String, Coordinates> libraries = new LinkedHashMap<>();
    List<BuiltZip> ordered = new ArrayList<>();
    if (request.shared().first()) {
      ordered.addAll(result.sharedLayerZips());
      ordered.addAll(result.layers());
    } else {
      ordered.addAll(result.layers());
      ordered.addAll(result.sharedLayerZips());
    }
    for (BuiltZip layer : ordered) {
      boolean shared = result.sharedLayerZips().contains(layer);
      layers.add(
          new LayerZip(shared ? layer.name() + " (shared)" : layer.name(), layer.zip().file()));
      layer.libraries().forEach(a -> libraries.put(a.coordinates().fileName(), a.coordinates()));
    }
    result
        .function()
        .libraries()
        .forEach(a -> libraries.put(a.coordinates().fileName(), a.coordinates()));
    return new ClassPathInput(
        result.function().zip().file(), layers, libraries, request.runtimes());
  }
}
