package dev.lambdalayer.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalayer.core.json.JsonDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the plugin changes on purpose, so that a comparison does not show it as a surprise.
 *
 * @param project {@code groupId:artifactId} of the function itself: a shaded jar names it in its
 *     {@code pom.properties}, the function zip carries its classes without one
 * @param runtimeProvided keys of the libraries left out because the Lambda runtime provides them
 */
public record IntendedChanges(String project, Set<String> runtimeProvided) {

  public IntendedChanges {
    runtimeProvided = Set.copyOf(runtimeProvided);
  }

  /** Reads them from the {@code build.json} of {@code lambda:layer}. */
  public static IntendedChanges read(Path buildJson) throws IOException {
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
    String project = root.path("project").asText("");
    String[] parts = project.split(":");
    Set<String> provided = new LinkedHashSet<>();
    for (JsonNode library : root.path("runtimeProvided")) {
      String key = library.path("groupId").asText() + ":" + library.path("artifactId").asText();
      String classifier = library.path("classifier").asText("");
      provided.add(classifier.isEmpty() ? key : key + ":" + classifier);
    }
    return new IntendedChanges(parts.length >= 2 ? parts[0] + ":" + parts[1] : "", provided);
  }
}
