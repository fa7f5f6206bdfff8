package dev.lambdalayer.core.compare;

import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.classpath.LambdaLayout;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.zip.ZipIndex;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Inflater;

/**
 * Every file Lambda's class loader can see for one deployment, with its copies in search order: the
 * zip's root ({@code /var/task}), then {@code /var/task/lib/*.jar} by file name, then {@code
 * /opt/java/lib/*.jar} by file name with all layers merged into one {@code /opt}.
 *
 * <p>The layout rules are {@link LambdaLayout}'s, as for the class-path check: this view keeps
 * every file, not only classes, and reads the zip a team ships today as well as the plugin's own.
 */
final class LambdaFiles implements Closeable {

  /**
   * One place on the class path: the root or one jar.
   *
   * @param library the jar's coordinates when {@code build.json} names them, else null
   */
  record Place(String location, Coordinates library, ZipIndex zip, boolean root) {}

  /** One copy of a file: where it is and its entry in that place's zip. */
  record Copy(Place place, ZipIndex.Entry entry) {}

  private final List<Place> places = new ArrayList<>();
  private final Map<String, List<Copy>> files = new HashMap<>();
  private final List<FileChannel> channels = new ArrayList<>();
  private final Inflater inflater = new Inflater(true);

  private LambdaFiles() {}

  /**
   * The fat jar or zip deployed today: a shaded jar has everything at its root; a zip built by the
   * assembly plugin has classes at its root and libraries in {@code lib/}.
   *
   * @throws NotAnArchiveException when the file is not a zip or jar
   */
  static LambdaFiles ofArtifact(Path file) throws IOException {
    LambdaFiles files = new LambdaFiles();
    try {
      ZipIndex zip;
      try {
        zip = files.open(file);
      } catch (NoSuchFileException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // A garbled directory can also index out of its buffer: either way, no zip.
        throw new NotAnArchiveException(file, e.getMessage());
      }
      files.addFunctionZip(zip, Map.of());
      return files;
    } catch (IOException | RuntimeException e) {
      files.close();
      throw e;
    }
  }

  /** The function zip and the layer zips that {@code lambda:layer} wrote. */
  static LambdaFiles ofBuild(ClassPathInput input) throws IOException {
    LambdaFiles files = new LambdaFiles();
    try {
      files.addFunctionZip(files.open(input.functionZip()), input.libraries());
      // One /opt for all layers: a later layer's jar of the same name replaces an earlier one's.
      TreeMap<String, ZipIndex.Entry> opt = new TreeMap<>();
      Map<String, ZipIndex> optZip = new HashMap<>();
      for (ClassPathInput.LayerZip layer : input.layers()) {
        ZipIndex zip = files.open(layer.file());
        for (ZipIndex.Entry jar : LambdaLayout.jars(zip, LambdaLayout.LAYER_JARS).values()) {
          opt.put(jar.name(), jar);
          optZip.put(jar.name(), zip);
        }
      }
      for (ZipIndex.Entry jar : opt.values()) {
        files.addJar("/opt/" + jar.name(), optZip.get(jar.name()).nested(jar), input.libraries());
      }
      return files;
    } catch (IOException | RuntimeException e) {
      files.close();
      throw e;
    }
  }

  private void addFunctionZip(ZipIndex zip, Map<String, Coordinates> libraries) throws IOException {
    add(new Place("/var/task", null, zip, true));
    for (ZipIndex.Entry jar : LambdaLayout.jars(zip, LambdaLayout.FUNCTION_JARS).values()) {
      addJar("/var/task/" + jar.name(), zip.nested(jar), libraries);
    }
  }

  private void addJar(String location, ZipIndex jar, Map<String, Coordinates> libraries) {
    String fileName = location.substring(location.lastIndexOf('/') + 1);
    add(new Place(location, libraries.get(fileName), jar, false));
  }

  private void add(Place place) {
    places.add(place);
    for (ZipIndex.Entry entry : place.zip().entries().values()) {
      String name = entry.name();
      if (name.endsWith("/") || (place.root() && name.startsWith(LambdaLayout.FUNCTION_JARS))) {
        continue;
      }
      files.computeIfAbsent(name, k -> new ArrayList<>(1)).add(new Copy(place, entry));
    }
  }

  private ZipIndex open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "does not exist");
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channels.add(channel);
    return ZipIndex.read(ZipIndex.ByteSource.of(channel), 0, channel.size(), file.toString());
  }

  /** Every place, in search order. */
  List<Place> places() {
    return places;
  }

  /** File name (as in a zip) to its copies in search order; the first one wins. */
  Map<String, List<Copy>> files() {
    return files;
  }

  byte[] bytes(Copy copy) throws IOException {
    return copy.place().zip().bytes(copy.entry(), inflater);
  }

  /**
   * The libraries a place holds: the coordinates {@code build.json} gives its jar, and every {@code
   * META-INF/maven/.../pom.properties} in it (one for a plain jar, one per library for a shaded
   * jar's root), in the order found.
   */
  Map<String, Coordinates> libraries(Place place) throws IOException {
    Map<String, Coordinates> found = new LinkedHashMap<>();
    if (place.library() != null) {
      found.put(LibraryKey.of(place.library()), place.library());
    }
    for (ZipIndex.Entry entry : place.zip().entries().values()) {
      if (LambdaLayout.isPomProperties(entry.name())) {
        Coordinates c = LambdaLayout.pomCoordinates(place.zip().bytes(entry, inflater));
        if (c != null) {
          found.putIfAbsent(LibraryKey.of(c), c);
        }
      }
    }
    return found;
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
