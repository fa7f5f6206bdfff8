package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.zip.ZipIndex;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Inflater;

/**
 * The class path Lambda's Java runtime builds for a function, read from the zips that will be
 * deployed: {@code /var/task} (the function zip's root), {@code /var/task/lib/*.jar} by file name,
 * then {@code /opt/java/lib/*.jar} by file name, where all layers are extracted into one {@code
 * /opt} in order (a later layer's file replaces an earlier one's of the same name).
 *
 * <p>Only the central directories are read up front; a class's bytes are read when asked for. Jars
 * stored in a zip (as this plugin writes them) are read in place; compressed ones are inflated into
 * memory.
 */
final class SimulatedClassPath implements Closeable {
  // Not thread-safe: one check reads its classes on one thread.

  /** A jar file that a later layer replaced in {@code /opt}. */
  record ReplacedJar(String location, String replacedLayer, String byLayer) {}

  private record Opt(ClassPathInput.LayerZip layer, ZipIndex zip, ZipIndex.Entry jar) {}

  private final List<ClassPathEntry> entries = new ArrayList<>();
  private final Map<ClassPathEntry, ZipIndex> zips = new HashMap<>();
  private final Map<ClassPathEntry, String> sha256 = new HashMap<>();
  private final Map<String, List<ClassPathEntry>> classes = new HashMap<>();
  private final Map<String, List<ClassPathEntry>> resources = new HashMap<>();
  private final List<ReplacedJar> replaced = new ArrayList<>();
  private final List<FileChannel> channels = new ArrayList<>();
  private final Inflater inflater = new Inflater(true);

  private SimulatedClassPath() {}

  static SimulatedClassPath open(ClassPathInput input) throws IOException {
    SimulatedClassPath path = new SimulatedClassPath();
    try {
      path.load(input);
      return path;
    } catch (IOException | RuntimeException e) {
      path.close();
      throw e;
    }
  }

  private void load(ClassPathInput input) throws IOException {
    ZipIndex function = openZip(input.functionZip());
    ClassPathEntry root = new ClassPathEntry("/var/task", "function", null);
    // The root's classes are kept in the class index by the function zip's SHA-256: the zip is
    // small next to the layers, and hashing it is cheaper than parsing its classes again.
    sha256.put(root, sha256(input.functionZip()));
    add(root, function);
    for (ZipIndex.Entry jar : LambdaLayout.jars(function, LambdaLayout.FUNCTION_JARS).values()) {
      addJar("/var/task/" + jar.name(), "function", input, function.nested(jar));
    }
    // One /opt for all layers: a later layer's file of the same name wins, then sort by name.
    TreeMap<String, Opt> opt = new TreeMap<>();
    for (ClassPathInput.LayerZip layer : input.layers()) {
      ZipIndex zip = openZip(layer.file());
      for (ZipIndex.Entry jar : LambdaLayout.jars(zip, LambdaLayout.LAYER_JARS).values()) {
        Opt previous = opt.put(jar.name(), new Opt(layer, zip, jar));
        if (previous != null) {
          replaced.add(
              new ReplacedJar("/opt/" + jar.name(), previous.layer().name(), layer.name()));
        }
      }
    }
    for (Opt item : opt.values()) {
      addJar(
          "/opt/" + item.jar().name(),
          "layer " + item.layer().name(),
          input,
          item.zip().nested(item.jar()));
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = Hashes.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private ZipIndex openZip(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "zip to check does not exist");
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channels.add(channel);
    return ZipIndex.read(ZipIndex.ByteSource.of(channel), 0, channel.size(), file.toString());
  }

  private void addJar(String location, String zipName, ClassPathInput input, ZipIndex jar)
      throws IOException {
    String fileName = location.substring(location.lastIndexOf('/') + 1);
    Coordinates coordinates = input.libraries().get(fileName);
    if (coordinates == null) {
      coordinates = pomCoordinates(jar);
    }
    ClassPathEntry entry = new ClassPathEntry(location, zipName, coordinates);
    String digest = input.sha256().get(fileName);
    if (digest != null) {
      sha256.put(entry, digest);
    }
    add(entry, jar);
  }

  /** A jar built by Maven names its library in one {@code pom.properties}; a shaded one in many. */
  private static Coordinates pomCoordinates(ZipIndex jar) throws IOException {
    ZipIndex.Entry only = null;
    for (ZipIndex.Entry entry : jar.entries().values()) {
      if (LambdaLayout.isPomProperties(entry.name())) {
        if (only != null) {
          return null;
        }
        only = entry;
      }
    }
    if (only == null) {
      return null;
    }
    return LambdaLayout.pomCoordinates(jar.bytes(only));
  }

  private void add(ClassPathEntry entry, ZipIndex zip) {
    entries.add(entry);
    zips.put(entry, zip);
    boolean root = entry.location().equals("/var/task");
    for (String name : zip.entries().keySet()) {
      if (root && name.startsWith(LambdaLayout.FUNCTION_JARS)) {
        continue;
      }
      if (!name.endsWith(".class")) {
        if (!name.endsWith("/")) {
          resources.computeIfAbsent(name, k -> new ArrayList<>(1)).add(entry);
        }
        continue;
      }
      if (name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
        continue;
      }
      String internal = name.substring(0, name.length() - ".class".length());
      classes.computeIfAbsent(internal, k -> new ArrayList<>(1)).add(entry);
    }
  }

  /** Every place on the class path, in Lambda's search order. */
  List<ClassPathEntry> entries() {
    return entries;
  }

  /** Internal class name ({@code com/foo/Bar}) to the entries holding it, in search order. */
  Map<String, List<ClassPathEntry>> classes() {
    return classes;
  }

  /**
   * Each file that is not a class ({@code META-INF/services/x}, {@code a/b.xml}) to its holders.
   */
  Map<String, List<ClassPathEntry>> resources() {
    return resources;
  }

  /** The bytes of {@code resource} as {@code entry} carries it. */
  byte[] readResource(ClassPathEntry entry, String resource) throws IOException {
    ZipIndex zip = zips.get(entry);
    return zip.bytes(zip.entries().get(resource), inflater);
  }

  List<ReplacedJar> replaced() {
    return replaced;
  }

  /** The number of classes each entry holds, for the report. */
  Map<ClassPathEntry, Integer> classCounts() {
    Map<ClassPathEntry, Integer> counts = new LinkedHashMap<>();
    entries.forEach(e -> counts.put(e, 0));
    classes.values().forEach(list -> list.forEach(e -> counts.merge(e, 1, Integer::sum)));
    return counts;
  }

  /** The entry that wins for this class, or null when no zip carries it. */
  ClassPathEntry find(String internalName) {
    List<ClassPathEntry> holders = classes.get(internalName);
    return holders == null ? null : holders.get(0);
  }

  /** The SHA-256 of the jar at {@code entry} (of the function zip for its root), when known. */
  String sha256(ClassPathEntry entry) {
    return sha256.get(entry);
  }

  /** The bytes of the winning copy of a class; null when no zip carries it. */
  byte[] read(String internalName) throws IOException {
    ClassPathEntry entry = find(internalName);
    if (entry == null) {
      return null;
    }
    ZipIndex zip = zips.get(entry);
    return zip.bytes(zip.entries().get(internalName + ".class"), inflater);
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    IOException failure = null;
    for (FileChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
