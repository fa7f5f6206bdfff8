package dev.lambdalayer.core.classpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalayer.core.json.JsonDocument;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.plan.BuildReport;
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
    JsonNode root;
    try {
      root = JsonDocument.parse(Files.readString(buildJson, StandardCharsets.UTF_8)).root();
    } catch (JsonDocument.SyntaxException e) {
      throw new IOException(
          buildJson
              + " is not valid JSON ("
              + e.getMessage()
              + "): package the function again to rewrite it",
          e);
    }
    JsonNode fn = root.path("function");
    if (!root.isObject() || !fn.isObject()) {
      throw new IOException(
          buildJson
              + " is not a build report of this plugin: package the function again to rewrite it");
    }
    Path base = buildJson.toAbsolutePath().getParent();
    Map<String, Coordinates> libraries = new LinkedHashMap<>();
    Map<String, String> sha256 = new LinkedHashMap<>();
    List<ClassPathInput.LayerZip> layers = new ArrayList<>();
    // Reports before shared layers existed have no classPathLayers: their layers are the order.
    JsonNode order =
        root.has("classPathLayers") ? root.get("classPathLayers") : root.path("layers");
    for (JsonNode layer : items(order)) {
      layers.add(
          new ClassPathInput.LayerZip(text(layer, "name"), base.resolve(text(layer, "file"))));
    }
    for (String key : List.of("layers", "sharedLayers")) {
      items(root.path(key)).forEach(layer -> libraries(layer, libraries, sha256));
    }
    libraries(fn, libraries, sha256);
    List<String> runtimes = new ArrayList<>();
    items(root.path("runtimes")).forEach(r -> runtimes.add(r.asText()));
    return new ClassPathInput(
        base.resolve(text(fn, "file")), layers, libraries, runtimes, List.of(), sha256);
  }

  private static void libraries(
      JsonNode zip, Map<String, Coordinates> out, Map<String, String> sha256) {
    for (JsonNode lib : items(zip.path("libraries"))) {
      Coordinates c =
          new Coordinates(
              text(lib, "groupId"),
              text(lib, "artifactId"),
              text(lib, "version"),
              text(lib, "classifier"),
              null);
      String entry = text(lib, "entry");
      if (entry != null) {
        String fileName = entry.substring(entry.lastIndexOf('/') + 1);
        out.put(fileName, c);
        String digest = text(lib, "sha256");
        if (digest != null) {
          sha256.put(fileName, digest);
        }
      }
    }
  }

  /** The items of an array; nothing for anything else (an object would iterate its values). */
  private static Iterable<JsonNode> items(JsonNode node) {
    return node.isArray() ? node : List.of();
  }

  /** The string member {@code name}, or null when it is absent or not a string. */
  private static String text(JsonNode object, String name) {
    return object.path(name).textValue();
  }
}
