package dev.lambdalayer.core.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonDocument;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.model.LockfileException.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code lambda-layers.lock.json}.
 *
 * <p>Writing is canonical: fixed key order, libraries sorted by coordinates, published versions by
 * region, account and version, two-space indent and one trailing newline, so an unchanged project
 * gives an identical file and a change gives a small diff. Reading is strict: any syntax error,
 * unknown member or value of the wrong type fails with its line, column and JSON path, because a
 * lockfile that is half understood would make every later check meaningless.
 */
public final class LockfileCodec {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final Comparator<Lockfile.Library> LIBRARY_ORDER =
      Comparator.comparing((Lockfile.Library l) -> l.coordinates().groupId())
          .thenComparing(l -> l.coordinates().artifactId())
          .thenComparing(l -> l.coordinates().classifier())
          .thenComparing(l -> l.coordinates().extension())
          .thenComparing(l -> l.coordinates().version());

  private static final Comparator<Lockfile.Published> PUBLISHED_ORDER =
      Comparator.comparing(Lockfile.Published::region)
          .thenComparing(Lockfile.Published::account)
          .thenComparingLong(Lockfile.Published::version)
          .thenComparing(Lockfile.Published::layerVersionArn);

  private static final Comparator<Lockfile.Deployment> DEPLOYMENT_ORDER =
      Comparator.comparing(Lockfile.Deployment::environment)
          .thenComparing(Lockfile.Deployment::region);

  private LockfileCodec() {}

  /** The canonical text of {@code lockfile}. */
  public static String write(Lockfile lockfile) {
    ObjectNode root = JsonFormat.object();
    root.put("lockfileVersion", lockfile.lockfileVersion());
    root.put("project", lockfile.project());
    root.put("outputTimestamp", lockfile.outputTimestamp());
    root.put("zipFormat", lockfile.zipFormat());
    ArrayNode layers = root.putArray("layers");
    for (Lockfile.Layer layer : lockfile.layers()) {
      ObjectNode out = layers.addObject();
      out.put("name", layer.name());
      out.set("runtimes", JsonFormat.strings(layer.runtimes()));
      out.set("architectures", JsonFormat.strings(layer.architectures()));
      out.put("sha256", layer.sha256());
      out.put("codeSha256", layer.codeSha256());
      out.set("libraries", libraries(layer.libraries()));
      out.set("published", published(layer.published().stream().sorted(PUBLISHED_ORDER).toList()));
    }
    ObjectNode function = root.putObject("function");
    function.put("name", lockfile.function().name());
    function.set("libraries", libraries(lockfile.function().libraries()));
    // Only written when used: lockfiles of projects without shared layers stay as they were.
    if (!lockfile.sharedLayers().isEmpty()) {
      ArrayNode shared = root.putArray("sharedLayers");
      for (Lockfile.SharedLayer layer : lockfile.sharedLayers()) {
        ObjectNode out = shared.addObject();
        out.put("layer", layer.layer());
        out.put("name", layer.name());
        out.put("sha256", layer.sha256());
        out.put("codeSha256", layer.codeSha256());
        out.set("libraries", libraries(layer.libraries()));
      }
    }
    // Only written when an environment was published to: other lockfiles stay as they were.
    if (!lockfile.environments().isEmpty()) {
      root.set("environments", environments(lockfile.environments()));
    }
    return JsonFormat.write(root);
  }

  private static ArrayNode environments(List<Lockfile.Deployment> deployments) {
    ArrayNode array = JsonFormat.array();
    for (Lockfile.Deployment d : deployments.stream().sorted(DEPLOYMENT_ORDER).toList()) {
      ObjectNode out = array.addObject();
      out.put("name", d.environment());
      out.put("region", d.region());
      ArrayNode layers = out.putArray("layers");
      for (Lockfile.DeployedLayer layer : d.layers()) {
        ObjectNode l = layers.addObject();
        l.put("name", layer.name());
        l.put("layerVersionArn", layer.layerVersionArn());
        l.put("codeSha256", layer.codeSha256());
      }
      if (d.function() != null) {
        ObjectNode f = out.putObject("function");
        f.put("name", d.function().name());
        if (d.function().alias() != null) {
          f.put("alias", d.function().alias());
        }
        f.put("version", d.function().version());
        f.put("codeSha256", d.function().codeSha256());
        f.set("layers", JsonFormat.strings(d.function().layers()));
      }
    }
    return array;
  }

  /** {@code libraries} sorted by coordinates, as the lockfile and layer descriptors list them. */
  static ArrayNode libraries(List<Lockfile.Library> libraries) {
    ArrayNode array = JsonFormat.array();
    for (Lockfile.Library library : libraries.stream().sorted(LIBRARY_ORDER).toList()) {
      Coordinates c = library.coordinates();
      ObjectNode out = array.addObject();
      out.put("groupId", c.groupId());
      out.put("artifactId", c.artifactId());
      out.put("version", c.version());
      if (!c.classifier().isEmpty()) {
        out.put("classifier", c.classifier());
      }
      if (!c.extension().equals("jar")) {
        out.put("extension", c.extension());
      }
      if (library.hashLocked()) {
        out.put("sha256", library.sha256());
        out.put("size", library.size());
      }
    }
    return array;
  }

  /** Published records in the order given, as the lockfile and layer descriptors list them. */
  static ArrayNode published(List<Lockfile.Published> published) {
    ArrayNode array = JsonFormat.array();
    for (Lockfile.Published p : published) {
      ObjectNode record = array.addObject();
      record.put("region", p.region());
      record.put("account", p.account());
      record.put("layerVersionArn", p.layerVersionArn());
      record.put("version", p.version());
      record.put("codeSha256", p.codeSha256());
    }
    return array;
  }

  /** Writes {@code lockfile} atomically: a reader never sees half a file. */
  public static void write(Lockfile lockfile, Path file) throws IOException {
    AtomicFiles.write(file, write(lockfile).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads {@code file}, or empty when it does not exist. Every goal that writes the lockfile reads
   * it first, so this is where the temporaries of an interrupted write (kill -9 between write and
   * rename) are removed.
   *
   * @throws LockfileException when the file is not a lockfile this plugin can read
   */
  public static Optional<Lockfile> read(Path file) throws IOException {
    removeInterruptedWrites(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new LockfileException(
          file, "the file", "is not UTF-8 text (is it a binary file?)", Reason.MALFORMED);
    }
    return Optional.of(parse(text, file));
  }

  /**
   * Deletes {@code .<lockfile>.<hex>.tmp} files beside the lockfile older than this run; best
   * effort, as a leftover harms nothing but tidiness.
   */
  private static void removeInterruptedWrites(Path lockfile) {
    Path absolute = lockfile.toAbsolutePath();
    String name = absolute.getFileName().toString();
    try {
      AtomicFiles.removeLeftovers(absolute.getParent(), name::equals, AtomicFiles.runStart());
    } catch (IOException | RuntimeException e) {
      // Not worth failing a build over; the next run tries again.
    }
  }

  /**
   * Parses lockfile text; {@code file} is only named in errors.
   *
   * @throws LockfileException when the text is not a lockfile this plugin can read
   */
  public static Lockfile parse(String text, Path file) {
    JsonDocument document;
    try {
      document = JsonDocument.parse(text);
    } catch (JsonDocument.SyntaxException e) {
      throw new LockfileException(
          file,
          "line " + e.line() + ", column " + e.column(),
          "is not valid JSON: " + e.problem(),
          Reason.MALFORMED);
    }
    return new Reader(file, document).lockfile();
  }

  /** Maps the parsed tree onto the model, naming the JSON path of every problem. */
  private static final class Reader {

    private final Path file;
    private final JsonDocument document;

    Reader(Path file, JsonDocument document) {
      this.file = file;
      this.document = document;
    }

    Lockfile lockfile() {
      JsonNode root = object(document.root(), "$");
      // The version decides how to read the rest, so it is checked first.
      int version = (int) integer(member(root, "$", "lockfileVersion"), "$.lockfileVersion");
      if (version > Lockfile.CURRENT_VERSION) {
        throw new LockfileException(
            file,
            at("$.lockfileVersion"),
            "lockfileVersion "
                + version
                + " was written by a newer version of the plugin; this one reads version "
                + Lockfile.CURRENT_VERSION,
            Reason.NEWER_VERSION);
      }
      if (version < 1) {
        throw malformed(
            "$.lockfileVersion", "must be " + Lockfile.CURRENT_VERSION + ", not " + version);
      }
      known(
          root,
          "$",
          "lockfileVersion",
          "project",
          "outputTimestamp",
          "zipFormat",
          "layers",
          "function",
          "sharedLayers",
          "environments");
      List<Lockfile.Layer> layers = new ArrayList<>();
      JsonNode layerNodes = array(member(root, "$", "layers"), "$.layers");
      Set<String> names = new HashSet<>();
      for (int i = 0; i < layerNodes.size(); i++) {
        String path = "$.layers[" + i + "]";
        Lockfile.Layer layer = layer(layerNodes.get(i), path);
        if (!names.add(layer.name())) {
          throw malformed(path + ".name", "the layer name '" + layer.name() + "' appears twice");
        }
        layers.add(layer);
      }
      JsonNode function = object(member(root, "$", "function"), "$.function");
      known(function, "$.function", "name", "libraries");
      List<Lockfile.SharedLayer> shared = new ArrayList<>();
      if (root.has("sharedLayers")) {
        JsonNode sharedNodes = array(root.get("sharedLayers"), "$.sharedLayers");
        for (int i = 0; i < sharedNodes.size(); i++) {
          String path = "$.sharedLayers[" + i + "]";
          JsonNode m = object(sharedNodes.get(i), path);
          known(m, path, "layer", "name", "sha256", "codeSha256", "libraries");
          shared.add(
              new Lockfile.SharedLayer(
                  nonEmpty(member(m, path, "layer"), path + ".layer"),
                  nonEmpty(member(m, path, "name"), path + ".name"),
                  sha256(member(m, path, "sha256"), path + ".sha256"),
                  nonEmpty(member(m, path, "codeSha256"), path + ".codeSha256"),
                  libraries(member(m, path, "libraries"), path + ".libraries")));
        }
      }
      List<Lockfile.Deployment> environments = new ArrayList<>();
      if (root.has("environments")) {
        JsonNode nodes = array(root.get("environments"), "$.environments");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
          String path = "$.environments[" + i + "]";
          Lockfile.Deployment d = deployment(nodes.get(i), path);
          if (!seen.add(d.environment() + " " + d.region())) {
            throw malformed(
                path,
                "environment '" + d.environment() + "' is recorded twice for region " + d.region());
          }
          environments.add(d);
        }
      }
      return new Lockfile(
          version,
          string(member(root, "$", "project"), "$.project"),
          string(member(root, "$", "outputTimestamp"), "$.outputTimestamp"),
          string(member(root, "$", "zipFormat"), "$.zipFormat"),
          layers,
          new Lockfile.Function(
              string(member(function, "$.function", "name"), "$.function.name"),
              libraries(member(function, "$.function", "libraries"), "$.function.libraries")),
          shared,
          environments);
    }

    private Lockfile.Deployment deployment(JsonNode node, String path) {
      JsonNode m = object(node, path);
      known(m, path, "name", "region", "layers", "function");
      List<Lockfile.DeployedLayer> layers = new ArrayList<>();
      JsonNode layerNodes = array(member(m, path, "layers"), path + ".layers");
      for (int i = 0; i < layerNodes.size(); i++) {
        String at = path + ".layers[" + i + "]";
        JsonNode l = object(layerNodes.get(i), at);
        known(l, at, "name", "layerVersionArn", "codeSha256");
        layers.add(
            new Lockfile.DeployedLayer(
                nonEmpty(member(l, at, "name"), at + ".name"),
                nonEmpty(member(l, at, "layerVersionArn"), at + ".layerVersionArn"),
                nonEmpty(member(l, at, "codeSha256"), at + ".codeSha256")));
      }
      Lockfile.DeployedFunction function = null;
      if (m.has("function")) {
        String at = path + ".function";
        JsonNode f = object(m.get("function"), at);
        known(f, at, "name", "alias", "version", "codeSha256", "layers");
        function =
            new Lockfile.DeployedFunction(
                nonEmpty(member(f, at, "name"), at + ".name"),
                f.has("alias") ? nonEmpty(f.get("alias"), at + ".alias") : null,
                nonEmpty(member(f, at, "version"), at + ".version"),
                nonEmpty(member(f, at, "codeSha256"), at + ".codeSha256"),
                strings(member(f, at, "layers"), at + ".layers"));
      }
      return new Lockfile.Deployment(
          nonEmpty(member(m, path, "name"), path + ".name"),
          nonEmpty(member(m, path, "region"), path + ".region"),
          layers,
          function);
    }

    private Lockfile.Layer layer(JsonNode node, String path) {
      JsonNode m = object(node, path);
      known(
          m,
          path,
          "name",
          "runtimes",
          "architectures",
          "sha256",
          "codeSha256",
          "libraries",
          "published");
      String sha256 = sha256(member(m, path, "sha256"), path + ".sha256");
      String codeSha256 = string(member(m, path, "codeSha256"), path + ".codeSha256");
      if (!codeSha256.equals(Hashes.toBase64(sha256))) {
        throw malformed(
            path + ".codeSha256",
            "is not the base64 form of the layer's sha256 (expected "
                + Hashes.toBase64(sha256)
                + ")");
      }
      List<Lockfile.Published> published = new ArrayList<>();
      JsonNode publishedNodes = array(member(m, path, "published"), path + ".published");
      for (int i = 0; i < publishedNodes.size(); i++) {
        published.add(published(publishedNodes.get(i), path + ".published[" + i + "]"));
      }
      return new Lockfile.Layer(
          nonEmpty(member(m, path, "name"), path + ".name"),
          strings(member(m, path, "runtimes"), path + ".runtimes"),
          strings(member(m, path, "architectures"), path + ".architectures"),
          sha256,
          codeSha256,
          libraries(member(m, path, "libraries"), path + ".libraries"),
          published);
    }

    private Lockfile.Published published(JsonNode node, String path) {
      JsonNode m = object(node, path);
      known(m, path, "region", "account", "layerVersionArn", "version", "codeSha256");
      return new Lockfile.Published(
          nonEmpty(member(m, path, "region"), path + ".region"),
          string(member(m, path, "account"), path + ".account"),
          nonEmpty(member(m, path, "layerVersionArn"), path + ".layerVersionArn"),
          integer(member(m, path, "version"), path + ".version"),
          nonEmpty(member(m, path, "codeSha256"), path + ".codeSha256"));
    }

    private List<Lockfile.Library> libraries(JsonNode node, String path) {
      JsonNode items = array(node, path);
      List<Lockfile.Library> libraries = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        libraries.add(library(items.get(i), path + "[" + i + "]"));
      }
      return libraries;
    }

    private Lockfile.Library library(JsonNode node, String path) {
      JsonNode m = object(node, path);
      known(
          m, path, "groupId", "artifactId", "version", "classifier", "extension", "sha256", "size");
      Coordinates coordinates =
          new Coordinates(
              nonEmpty(member(m, path, "groupId"), path + ".groupId"),
              nonEmpty(member(m, path, "artifactId"), path + ".artifactId"),
              nonEmpty(member(m, path, "version"), path + ".version"),
              m.has("classifier") ? string(m.get("classifier"), path + ".classifier") : "",
              m.has("extension") ? nonEmpty(m.get("extension"), path + ".extension") : "");
      if (m.has("sha256") != m.has("size")) {
        throw malformed(path, "has only one of \"sha256\" and \"size\"; a locked library has both");
      }
      if (!m.has("sha256")) {
        return new Lockfile.Library(coordinates, null, null);
      }
      long size = integer(m.get("size"), path + ".size");
      if (size < 0) {
        throw malformed(path + ".size", "must not be negative");
      }
      return new Lockfile.Library(coordinates, sha256(m.get("sha256"), path + ".sha256"), size);
    }

    /** The member {@code name} of the object at {@code path}, which must be there. */
    private JsonNode member(JsonNode object, String path, String name) {
      JsonNode node = object.get(name);
      if (node == null) {
        throw malformed(path, "the member \"" + name + "\" is missing");
      }
      return node;
    }

    private void known(JsonNode object, String path, String... names) {
      Set<String> allowed = Set.of(names);
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        if (!allowed.contains(member.getKey())) {
          throw malformed(
              path + "." + member.getKey(),
              "unknown member \""
                  + member.getKey()
                  + "\" (a typo, or a file from a newer plugin version?)");
        }
      }
    }

    private JsonNode object(JsonNode node, String path) {
      if (!node.isObject()) {
        throw wrongType(node, path, "an object");
      }
      return node;
    }

    private JsonNode array(JsonNode node, String path) {
      if (!node.isArray()) {
        throw wrongType(node, path, "an array");
      }
      return node;
    }

    private String string(JsonNode node, String path) {
      if (!node.isTextual()) {
        throw wrongType(node, path, "a string");
      }
      return node.textValue();
    }

    private String nonEmpty(JsonNode node, String path) {
      String text = string(node, path);
      if (text.isBlank()) {
        throw malformed(path, "must not be empty");
      }
      return text;
    }

    private String sha256(JsonNode node, String path) {
      String text = string(node, path);
      if (!SHA256.matcher(text).matches()) {
        throw malformed(path, "is not a SHA-256 in lower-case hex (64 digits)");
      }
      return text;
    }

    private List<String> strings(JsonNode node, String path) {
      JsonNode items = array(node, path);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        out.add(nonEmpty(items.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    private long integer(JsonNode node, String path) {
      if (!node.isNumber()) {
        throw wrongType(node, path, "a whole number");
      }
      // The exact value as written: 3.0 is a whole number, 3.5 is not.
      BigDecimal number = node.decimalValue();
      try {
        return number.longValueExact();
      } catch (ArithmeticException e) {
        throw malformed(path, "must be a whole number, not " + number);
      }
    }

    private LockfileException wrongType(JsonNode node, String path, String expected) {
      return malformed(path, "expected " + expected + ", found " + JsonDocument.kind(node));
    }

    private LockfileException malformed(String path, String problem) {
      return new LockfileException(file, at(path), problem, Reason.MALFORMED);
    }

    private String at(String path) {
      return document.position(path) + " (" + path + ")";
    }
  }
}
