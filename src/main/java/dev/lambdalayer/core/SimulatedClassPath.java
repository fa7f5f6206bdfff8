package dev.lambdalayer.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The class path Lambda's Java runtime builds for a function, read from the zips that will be
 * deployed: {@code /var/task} (the function zip's root), {@code /var/task/lib/*.jar} by file name,
 * then {@code /opt/java/lib/*.jar} by file name, where all layers are extracted into one {@code
 * /opt} in order (a later layer's file replaces an earlier one's of the same name).
 *
 * <p>Only the central directories are read up front; a class's bytes are read when asked for. Jars
 * stored in a zip (as this plugin writes them) are opened in place; compressed ones are copied to a
 * temporary file first.
 */
final class SimulatedClassPath implements Closeable {

  /** A jar file that a later layer replaced in {@code /opt}. */
  record ReplacedJar(String location, String replacedLayer, String byLayer) {}

  private final List<ClassPathEntry> entries = new ArrayList<>();
  private final Map<ClassPathEntry, ZipFile> zips = new HashMap<>();
  private final Map<ClassPathEntry, String> prefixes = new HashMap<>();
  private final Map<String, List<ClassPathEntry>> classes = new HashMap<>();
  private final List<ReplacedJar> replaced = new ArrayList<>();
  private final Map<Path, FileChannel> channels = new HashMap<>();
  private final List<ZipFile> outerZips = new ArrayList<>();
  private final List<Path> temporaryFiles = new ArrayList<>();

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
    ZipFile function = openOuter(input.functionZip());
    ClassPathEntry root = new ClassPathEntry("/var/task", "function", null);
    add(root, function, "");
    TreeMap<String, ZipArchiveEntry> lib = jars(function, "lib/");
    for (ZipArchiveEntry jar : lib.values()) {
      addJar("/var/task/", "function", input, input.functionZip(), function, jar);
    }
    // One /opt for all layers: a later layer's file of the same name wins, then sort by name.
    TreeMap<String, Object[]> opt = new TreeMap<>();
    for (ClassPathInput.LayerZip layer : input.layers()) {
      ZipFile zip = openOuter(layer.file());
      for (ZipArchiveEntry jar : jars(zip, "java/lib/").values()) {
        Object[] previous = opt.put(jar.getName(), new Object[] {layer, zip, jar});
        if (previous != null) {
          replaced.add(
              new ReplacedJar(
                  "/opt/" + jar.getName(),
                  ((ClassPathInput.LayerZip) previous[0]).name(),
                  layer.name()));
        }
      }
    }
    for (Object[] item : opt.values()) {
      ClassPathInput.LayerZip layer = (ClassPathInput.LayerZip) item[0];
      addJar(
          "/opt/",
          "layer " + layer.name(),
          input,
          layer.file(),
          (ZipFile) item[1],
          (ZipArchiveEntry) item[2]);
    }
  }

  /** The jars directly in {@code directory}: Lambda lists one directory, no sub-directories. */
  private static TreeMap<String, ZipArchiveEntry> jars(ZipFile zip, String directory) {
    TreeMap<String, ZipArchiveEntry> jars = new TreeMap<>();
    for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
      String name = entry.getName();
      if (!entry.isDirectory()
          && name.startsWith(directory)
          && name.endsWith(".jar")
          && name.length() > directory.length() + 4
          && name.indexOf('/', directory.length()) < 0) {
        jars.put(name, entry);
      }
    }
    return jars;
  }

  private ZipFile openOuter(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "zip to check does not exist");
    }
    ZipFile zip = ZipFile.builder().setPath(file).setIgnoreLocalFileHeader(true).get();
    outerZips.add(zip);
    return zip;
  }

  private void addJar(
      String base,
      String zipName,
      ClassPathInput input,
      Path outerFile,
      ZipFile outer,
      ZipArchiveEntry jar)
      throws IOException {
    ZipFile inner;
    if (jar.getMethod() == ZipEntry.STORED) {
      FileChannel channel = channel(outerFile);
      long start = dataOffset(channel, jar.getLocalHeaderOffset());
      inner =
          ZipFile.builder()
              .setSeekableByteChannel(new NestedZipChannel(channel, start, jar.getSize()))
              .setIgnoreLocalFileHeader(true)
              .get();
    } else {
      Path copy = Files.createTempFile("lambda-classpath-", ".jar");
      temporaryFiles.add(copy);
      try (InputStream in = outer.getInputStream(jar)) {
        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      inner = ZipFile.builder().setPath(copy).setIgnoreLocalFileHeader(true).get();
    }
    String fileName = jar.getName().substring(jar.getName().lastIndexOf('/') + 1);
    Coordinates coordinates = input.libraries().get(fileName);
    if (coordinates == null) {
      coordinates = pomCoordinates(inner);
    }
    add(new ClassPathEntry(base + jar.getName(), zipName, coordinates), inner, "");
  }

  /** One channel per zip, shared by the jars inside it (reads are positional). */
  private FileChannel channel(Path file) throws IOException {
    FileChannel channel = channels.get(file);
    if (channel == null) {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      channels.put(file, channel);
    }
    return channel;
  }

  /** Where an entry's bytes start: after its local header, whose extra field may differ. */
  private static long dataOffset(FileChannel channel, long localHeader) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    while (header.hasRemaining()) {
      if (channel.read(header, localHeader + header.position()) < 0) {
        throw new IOException("truncated zip: no local header at " + localHeader);
      }
    }
    if (header.getInt(0) != 0x04034b50) {
      throw new IOException("not a zip local header at " + localHeader);
    }
    return localHeader
        + 30
        + Short.toUnsignedInt(header.getShort(26))
        + Short.toUnsignedInt(header.getShort(28));
  }

  /** A jar built by Maven names its library in one {@code pom.properties}; a shaded one in many. */
  private static Coordinates pomCoordinates(ZipFile jar) throws IOException {
    ZipArchiveEntry only = null;
    for (ZipArchiveEntry entry : Collections.list(jar.getEntries())) {
      String name = entry.getName();
      if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
        if (only != null) {
          return null;
        }
        only = entry;
      }
    }
    if (only == null) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = jar.getInputStream(only)) {
      properties.load(in);
    }
    String g = properties.getProperty("groupId");
    String a = properties.getProperty("artifactId");
    String v = properties.getProperty("version");
    return g == null || a == null || v == null ? null : Coordinates.of(g, a, v);
  }

  private void add(ClassPathEntry entry, ZipFile zip, String prefix) {
    entries.add(entry);
    zips.put(entry, zip);
    prefixes.put(entry, prefix);
    boolean root = entry.location().equals("/var/task");
    for (ZipArchiveEntry file : Collections.list(zip.getEntries())) {
      String name = file.getName();
      if (file.isDirectory()
          || !name.endsWith(".class")
          || name.startsWith("META-INF/")
          || name.endsWith("module-info.class")
          || (root && name.startsWith("lib/"))) {
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

  /** The bytes of the winning copy of a class; null when no zip carries it. */
  byte[] read(String internalName) throws IOException {
    ClassPathEntry entry = find(internalName);
    if (entry == null) {
      return null;
    }
    ZipFile zip = zips.get(entry);
    ZipArchiveEntry file = zip.getEntry(prefixes.get(entry) + internalName + ".class");
    try (InputStream in = zip.getInputStream(file)) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    List<Closeable> all = new ArrayList<>(zips.values());
    all.addAll(outerZips);
    all.addAll(channels.values());
    for (Closeable c : all) {
      try {
        c.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    for (Path file : temporaryFiles) {
      Files.deleteIfExists(file);
    }
    if (failure != null) {
      throw failure;
    }
  }
}
