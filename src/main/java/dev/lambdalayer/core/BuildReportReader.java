package dev.lambdalayer.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the zips to check back from the {@code build.json} that {@link BuildReport} wrote, so the
 * class-path check can run as its own goal after packaging without repeating its configuration.
 */
public final class BuildReportReader {

  private BuildReportReader() {}

  /**
   * The function zip, the layer zips in their configured order, the libraries and the runtimes.
   *
   * @throws IOException when the file is missing or not a build report of this plugin
   */
  public static ClassPathInput read(Path buildJson) throws IOException {
    Object parsed;
    try {
      parsed = JsonParser.parse(Files.readString(buildJson, StandardCharsets.UTF_8)).plain();
    } catch (JsonParser.SyntaxException e) {
      throw new IOException(
          buildJson + " is not valid JSON (" + e.getMessage() + "): run lambda:layer again", e);
    }
    if (!(parsed instanceof Map<?, ?> root) || !(root.get("function") instanceof Map<?, ?> fn)) {
      throw new IOException(buildJson + " is not a build report of lambda:layer");
    }
    Path base = buildJson.toAbsolutePath().getParent();
    Map<String, Coordinates> libraries = new LinkedHashMap<>();
    List<ClassPathInput.LayerZip> layers = new ArrayList<>();
    // Reports before shared layers existed have no classPathLayers: their layers are the order.
    Object order =
        root.containsKey("classPathLayers") ? root.get("classPathLayers") : root.get("layers");
    if (order instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> layer = (Map<?, ?>) item;
        layers.add(
            new ClassPathInput.LayerZip(
                (String) layer.get("name"), base.resolve((String) layer.get("file"))));
      }
    }
    for (String key : List.of("layers", "sharedLayers")) {
      if (root.get(key) instanceof List<?> list) {
        list.forEach(layer -> libraries((Map<?, ?>) layer, libraries));
      }
    }
    libraries(fn, libraries);
    List<String> runtimes = new ArrayList<>();
    if (root.get("runtimes") instanceof List<?> list) {
      list.forEach(r -> runtimes.add(String.valueOf(r)));
    }
    return new ClassPathInput(base.resolve((String) fn.get("file")), layers, libraries, runtimes);
  }

  private static void libraries(Map<?, ?> zip, Map<String, Coordinates> out) {
    if (zip.get("libraries") instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> lib = (Map<?, ?>) item;
        Coordinates c =
            new Coordinates(
                (String) lib.get("groupId"),
                (String) lib.get("artifactId"),
                (String) lib.get("version"),
                (String) lib.get("classifier"),
                null);
        if (lib.get("entry") instanceof String entry) {
          out.put(entry.substring(entry.lastIndexOf('/') + 1), c);
        }
      }
    }
  }
}
