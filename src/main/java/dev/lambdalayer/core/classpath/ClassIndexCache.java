package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the check parsed from each jar's class files, kept by the jar's SHA-256 in one small text
 * file per jar under the build directory, so that an unchanged jar is never parsed twice across
 * builds. Only the classes a check reached are stored; a later check that reaches more adds them. A
 * missing, damaged or foreign file only costs time: it is ignored and rewritten.
 */
final class ClassIndexCache {

  private static final String HEADER = "# lambda-layer class index v1";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path directory;
  private final Map<String, Map<String, ClassFile>> byJar = new HashMap<>();
  private final Set<String> changed = new HashSet<>();
  private int hits;

  private ClassIndexCache(Path directory) {
    this.directory = directory;
  }

  /** A cache in {@code directory}; null keeps nothing across builds. */
  static ClassIndexCache in(Path directory) {
    return new ClassIndexCache(directory);
  }

  /** The class as parsed before from the jar with this SHA-256, or null. */
  ClassFile get(String sha256, String internalName) {
    if (sha256 == null || directory == null) {
      return null;
    }
    ClassFile cached = jar(sha256).get(internalName);
    if (cached != null) {
      hits++;
    }
    return cached;
  }

  void put(String sha256, ClassFile type) {
    if (sha256 == null || directory == null) {
      return;
    }
    jar(sha256).put(type.name(), type);
    changed.add(sha256);
  }

  /** How many classes came from the cache rather than from parsing. */
  int hits() {
    return hits;
  }

  /** Writes the jars' indexes that gained classes. */
  void save() throws IOException {
    if (directory == null) {
      return;
    }
    for (String sha256 : changed) {
      StringBuilder text = new StringBuilder(HEADER).append('\n');
      new TreeMap<>(byJar.get(sha256)).values().forEach(c -> line(c, text));
      Files.createDirectories(directory);
      AtomicFiles.write(
          directory.resolve(sha256 + ".txt"), text.toString().getBytes(StandardCharsets.UTF_8));
    }
    changed.clear();
  }

  private Map<String, ClassFile> jar(String sha256) {
    return byJar.computeIfAbsent(sha256, this::read);
  }

  private Map<String, ClassFile> read(String sha256) {
    Map<String, ClassFile> classes = new HashMap<>();
    if (!SHA256.matcher(sha256).matches()) {
      return classes;
    }
    Path file = directory.resolve(sha256 + ".txt");
    if (!Files.isRegularFile(file)) {
      return classes;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        return classes;
      }
      for (String line : lines.subList(1, lines.size())) {
        ClassFile type = parse(line);
        classes.put(type.name(), type);
      }
    } catch (IOException | RuntimeException e) {
      classes.clear(); // damaged: parse the jar again, and rewrite the file
    }
    return classes;
  }

  // One class per line, tab-separated: name, superclass ("-" for none), interfaces, access, major
  // version, references, classes loaded by constant name (name=1 when optional); lists by spaces.

  private static void line(ClassFile c, StringBuilder out) {
    out.append(c.name())
        .append('\t')
        .append(c.superName() == null ? "-" : c.superName())
        .append('\t')
        .append(String.join(" ", c.interfaces()))
        .append('\t')
        .append(c.access())
        .append('\t')
        .append(c.majorVersion())
        .append('\t')
        .append(String.join(" ", c.references()))
        .append('\t');
    List<String> loads = new ArrayList<>();
    c.reflective().forEach((name, optional) -> loads.add(name + "=" + (optional ? 1 : 0)));
    out.append(String.join(" ", loads)).append('\n');
  }

  private static ClassFile parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 7) {
      throw new IllegalArgumentException("not a class index line");
    }
    Map<String, Boolean> reflective = new LinkedHashMap<>();
    for (String load : words(f[6])) {
      int eq = load.lastIndexOf('=');
      reflective.put(load.substring(0, eq), load.charAt(eq + 1) == '1');
    }
    return new ClassFile(
        f[0],
        f[1].equals("-") ? null : f[1],
        words(f[2]),
        Integer.parseInt(f[3]),
        Integer.parseInt(f[4]),
        new LinkedHashSet<>(words(f[5])),
        reflective);
  }

  private static List<String> words(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
  }
}
