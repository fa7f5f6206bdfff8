package dev.lambdalayer.core.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonDocument;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.LayerDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads and writes a {@link LayerDescriptor} as JSON: the same layout as the lockfile's layers (a
 * small, stable text), read leniently about unknown members (a newer plugin may add some) but
 * strictly about the ones it needs.
 */
public final class LayerDescriptorCodec {

  private LayerDescriptorCodec() {}

  public static String write(LayerDescriptor d) {
    ObjectNode root = JsonFormat.object();
    root.put("descriptorVersion", d.descriptorVersion());
    root.put("layer", d.layer());
    root.put("name", d.name());
    root.set("runtimes", JsonFormat.strings(d.runtimes()));
    root.set("architectures", JsonFormat.strings(d.architectures()));
    root.put("sha256", d.sha256());
    root.put("codeSha256", d.codeSha256());
    root.put("unzippedBytes", d.unzippedBytes());
    root.set("libraries", LockfileCodec.libraries(d.libraries()));
    root.set(
        "published",
        LockfileCodec.published(
            d.published().stream()
                .sorted(
                    Comparator.comparing(Lockfile.Published::region)
                        .thenComparing(Lockfile.Published::account)
                        .thenComparingLong(Lockfile.Published::version))
                .toList()));
    return JsonFormat.write(root);
  }

  /** Writes atomically: a concurrent reader never sees half a descriptor. */
  public static void write(LayerDescriptor descriptor, Path file) throws IOException {
    AtomicFiles.write(file, write(descriptor).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the descriptor of shared layer {@code reference} from {@code file}.
   *
   * @throws InvalidConfigurationException naming the shared layer and the problem
   */
  public static LayerDescriptor read(Path file, String reference) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), reference, file.toString());
  }

  public static LayerDescriptor parse(String text, String reference, String source) {
    JsonNode root;
    try {
      root = JsonDocument.parse(text).root();
    } catch (JsonDocument.SyntaxException e) {
      throw invalid(reference, source, "line " + e.line() + ": " + e.problem());
    }
    Reader r = new Reader(reference, source);
    JsonNode m = r.object(root, "$");
    long version = r.number(m, "descriptorVersion", "$");
    if (version > LayerDescriptor.CURRENT_VERSION) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.SHARED_LAYERS,
              reference,
              "its layer descriptor ("
                  + source
                  + ") has descriptorVersion "
                  + version
                  + ", written by a newer plugin; this one reads "
                  + LayerDescriptor.CURRENT_VERSION,
              "upgrade dev.lambdalayer:lambda-layer-maven-plugin in this project"));
    }
    List<Lockfile.Library> libraries = new ArrayList<>();
    JsonNode libraryNodes = r.array(m, "libraries", "$");
    for (int i = 0; i < libraryNodes.size(); i++) {
      String path = "$.libraries[" + i + "]";
      JsonNode l = r.object(libraryNodes.get(i), path);
      Coordinates c =
          new Coordinates(
              r.string(l, "groupId", path),
              r.string(l, "artifactId", path),
              r.string(l, "version", path),
              l.has("classifier") ? r.string(l, "classifier", path) : "",
              l.has("extension") ? r.string(l, "extension", path) : "");
      libraries.add(
          l.has("sha256")
              ? new Lockfile.Library(c, r.string(l, "sha256", path), r.number(l, "size", path))
              : new Lockfile.Library(c, null, null));
    }
    List<Lockfile.Published> published = new ArrayList<>();
    JsonNode publishedNodes = r.array(m, "published", "$");
    for (int i = 0; i < publishedNodes.size(); i++) {
      String path = "$.published[" + i + "]";
      JsonNode p = r.object(publishedNodes.get(i), path);
      published.add(
          new Lockfile.Published(
              r.string(p, "region", path),
              r.string(p, "account", path),
              r.string(p, "layerVersionArn", path),
              r.number(p, "version", path),
              r.string(p, "codeSha256", path)));
    }
    LayerDescriptor descriptor =
        new LayerDescriptor(
            (int) version,
            r.string(m, "layer", "$"),
            r.string(m, "name", "$"),
            r.strings(m, "runtimes", "$"),
            r.strings(m, "architectures", "$"),
            r.string(m, "sha256", "$"),
            r.string(m, "codeSha256", "$"),
            r.number(m, "unzippedBytes", "$"),
            libraries,
            published);
    LayerDescriptorValidator.check(descriptor, reference, source);
    return descriptor;
  }

  private static InvalidConfigurationException invalid(
      String reference, String source, String problem) {
    return new InvalidConfigurationException(
        new Violation(
            Setting.SHARED_LAYERS,
            reference,
            "its layer descriptor (" + source + ") cannot be read: " + problem,
            "package the layer project again and install (or deploy) it"));
  }

  /** Typed access that names the JSON path of every problem. */
  private record Reader(String reference, String source) {

    JsonNode object(JsonNode node, String path) {
      if (!node.isObject()) {
        throw invalid(
            reference, source, path + " must be an object, not " + JsonDocument.kind(node));
      }
      return node;
    }

    JsonNode member(JsonNode m, String name, String path) {
      JsonNode node = m.get(name);
      if (node == null) {
        throw invalid(reference, source, path + "." + name + " is missing");
      }
      return node;
    }

    String string(JsonNode m, String name, String path) {
      JsonNode node = member(m, name, path);
      if (!node.isTextual() || node.textValue().isBlank()) {
        throw invalid(reference, source, path + "." + name + " must be a non-empty string");
      }
      return node.textValue();
    }

    long number(JsonNode m, String name, String path) {
      JsonNode node = member(m, name, path);
      if (!node.isNumber()) {
        throw invalid(reference, source, path + "." + name + " must be a number");
      }
      return node.decimalValue().longValue();
    }

    JsonNode array(JsonNode m, String name, String path) {
      JsonNode node = member(m, name, path);
      if (!node.isArray()) {
        throw invalid(reference, source, path + "." + name + " must be an array");
      }
      return node;
    }

    List<String> strings(JsonNode m, String name, String path) {
      List<String> out = new ArrayList<>();
      for (JsonNode item : array(m, name, path)) {
        if (!item.isTextual()) {
          throw invalid(reference, source, path + "." + name + " must hold strings");
        }
        out.add(item.textValue());
      }
      return out;
    }
  }
}
