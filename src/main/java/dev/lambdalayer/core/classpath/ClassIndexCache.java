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
 * builds. The function zip's root is kept the same way, by the function zip's SHA-256. Only the
 * classes a check reached are stored (with their methods when the handler check read them); a later
 * check that reaches more adds them. A missing, damaged or foreign file (another format version)
 * only costs time: it is ignored and rewritten.
 */
final class ClassIndexCache {

  private static final String HEADER = "# lambda-layer class index v2";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path directory;
  private final Map<String, Map<String, ClassFile>> byJar = new HashMap<>();
  private final Map<String, Map<String, List<ClassFile.Method>>> methodsByJar = new HashMap<>();
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

  /** The methods of a class as read before from the jar with this SHA-256, or null. */
  List<ClassFile.Method> methods(String sha256, String internalName) {
    if (sha256 == null || directory == null) {
      return null;
    }
    jar(sha256);
    return methodsByJar.get(sha256).get(internalName);
  }

  /** Keeps the methods of a class already {@link #put} or read from this jar's index. */
  void putMethods(String sha256, String internalName, List<ClassFile.Method> methods) {
    if (sha256 == null || directory == null || !jar(sha256).containsKey(internalName)) {
      return;
    }
    methodsByJar.get(sha256).put(internalName, List.copyOf(methods));
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
      Map<String, List<ClassFile.Method>> methods = methodsByJar.get(sha256);
      new TreeMap<>(byJar.get(sha256)).values().forEach(c -> line(c, methods.get(c.name()), text));
      Files.createDirectories(directory);
      AtomicFiles.write(
          directory.resolve(sha256 + ".txt"), text.toString().getBytes(StandardCharsets.UTF_8));
    }
    changed.clear();
  }

  private Map<String, ClassFile> jar(String sha256) {
    Map<String, ClassFile> classes = byJar.get(sha256);
    if (classes == null) {
      Map<String, List<ClassFile.Method>> methods = new HashMap<>();
      classes = read(sha256, methods);
      byJar.put(sha256, classes);
      methodsByJar.put(sha256, methods);
    }
    return classes;
  }

  private Map<String, ClassFile> read(String sha256, Map<String, List<ClassFile.Method>> methods) {
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
        String[] f = line.split("\t", -1);
        ClassFile type = parse(f);
        classes.put(type.name(), type);
        if (!f[7].equals("-")) {
          methods.put(type.name(), parseMethods(f[7]));
        }
      }
    } catch (IOException | RuntimeException e) {
      classes.clear(); // damaged: parse the jar again, and rewrite the file
      methods.clear();
    }
    return classes;
  }

  // One class per line, tab-separated: name, superclass ("-" for none), interfaces, access, major
  // version, references, classes loaded by constant name (name=1 when optional), methods ("-" when
  // not read; each name;access;parameter;...); lists by spaces.

  private static void line(ClassFile c, List<ClassFile.Method> methods, StringBuilder out) {
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
    out.append(String.join(" ", loads)).append('\t');
    if (methods == null) {
      out.append('-');
    } else {
      List<String> encoded = new ArrayList<>();
      for (ClassFile.Method m : methods) {
        List<String> parts = new ArrayList<>(List.of(m.name(), String.valueOf(m.access())));
        parts.addAll(m.parameters());
        encoded.add(String.join(";", parts));
      }
      out.append(String.join(" ", encoded));
    }
    out.append('\n');
  }

  private static List<ClassFile.Method> parseMethods(String text) {
    List<ClassFile.Method> methods = new ArrayList<>();
    for (String method : words(text)) {
      String[] parts = method.split(";", -1);
      methods.add(
          new ClassFile.Method(
              parts[0],
              Integer.parseInt(parts[1]),
              List.copyOf(Arrays.asList(parts).subList(2, parts.length))));
    }
    return List.copyOf(methods);
  }

  private static ClassFile parse(String[] f) {
    if (f.length != 8) {
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
