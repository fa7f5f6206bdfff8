package dev.lambdalayer.core.classpath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK classes of each Java release that Lambda runs, read from {@code jdk-classes.txt} (next to
 * this class), which {@code tools/JdkClassListGenerator.java} writes from javac's {@code --release}
 * data ({@code lib/ct.sym}) and the module layers of real JDKs. So the check answers for the
 * function's runtime, whichever JDK runs the build.
 *
 * <p>Each line is a class of a release's API (the exported packages of {@code java.se} and the
 * {@code jdk.*} modules; all of Java 8's documented API), or, ending in {@code /}, a package the
 * JDK has but does not export in that release ({@code sun.nio.ch}, {@code jdk.internal.misc}, and
 * on Java 8 {@code sun.misc}): the list does not name those packages' classes.
 */
final class JdkClassList {

  private static final String RESOURCE = "jdk-classes.txt";

  /**
   * Java 8's {@code rt.jar} also held the JAXB, JAX-WS and SAAJ implementations, which no JDK since
   * 11 has, so no list names their packages.
   */
  private static final List<String> JAVA_8_INTERNAL_TREES = List.of("com/sun/xml/internal/");

  private final List<Integer> releases;

  /**
   * Class (internal name) to the bits, by index in {@link #releases}, of the releases having it.
   */
  private final Map<String, Integer> classes;

  /** Package ({@code a/b/}) to the releases that export it: those having one of its classes. */
  private final Map<String, Integer> exported;

  /** Package ({@code a/b/}) to the releases that have it without exporting it. */
  private final Map<String, Integer> internal;

  private JdkClassList(
      List<Integer> releases,
      Map<String, Integer> classes,
      Map<String, Integer> exported,
      Map<String, Integer> internal) {
    this.releases = releases;
    this.classes = classes;
    this.exported = exported;
    this.internal = internal;
  }

  private static final class Shipped {
    static final JdkClassList LIST = read();
  }

  /** The list shipped with the plugin. */
  static JdkClassList shipped() {
    return Shipped.LIST;
  }

  /** The classes of one release, or null when the list does not cover it. */
  Release release(int feature) {
    int index = releases.indexOf(feature);
    return index < 0 ? null : new Release(feature, 1 << index);
  }

  List<Integer> releases() {
    return releases;
  }

  /** One release's view of the list. */
  final class Release implements JavaRuntimeClasses.Jdk {
    private final int feature;
    private final int bit;

    private Release(int feature, int bit) {
      this.feature = feature;
      this.bit = bit;
    }

    /**
     * From Java 9 on, the module that owns a package answers for all its classes, so a copy on the
     * class path is never loaded; Java 8 asks its {@code rt.jar} class by class, and only the
     * classes it lacks come from the class path (as {@code javax.annotation.Nullable} next to the
     * JDK's {@code javax.annotation.PostConstruct}).
     */
    @Override
    public boolean loads(String internalName) {
      String pkg = packageOf(internalName);
      if (feature == 8) {
        return in(classes, internalName) || unexported(pkg);
      }
      return in(exported, pkg) || in(internal, pkg);
    }

    @Override
    public boolean has(String internalName) {
      String pkg = packageOf(internalName);
      return in(exported, pkg) ? in(classes, internalName) : unexported(pkg);
    }

    @Override
    public String describe() {
      return "JDK classes of Java " + feature;
    }

    private boolean unexported(String pkg) {
      return in(internal, pkg)
          || (feature == 8 && JAVA_8_INTERNAL_TREES.stream().anyMatch(pkg::startsWith));
    }

    private boolean in(Map<String, Integer> map, String key) {
      Integer bits = map.get(key);
      return bits != null && (bits & bit) != 0;
    }
  }

  /**
   * Reads the list: a {@code releases} line, then one class or package per line, followed by the
   * releases having it unless all have it; {@code #} starts a comment line.
   */
  static JdkClassList read(InputStream in) throws IOException {
    List<Integer> releases = null;
    Map<String, Integer> classes = new HashMap<>();
    Map<String, Integer> exported = new HashMap<>();
    Map<String, Integer> internal = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int all = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(" ");
      if (releases == null) {
        if (!fields[0].equals("releases") || fields.length < 2) {
          throw new IOException(RESOURCE + " does not start with a releases line: " + line);
        }
        releases = new ArrayList<>();
        for (int i = 1; i < fields.length; i++) {
          releases.add(Integer.parseInt(fields[i]));
        }
        all = (1 << releases.size()) - 1;
        continue;
      }
      int bits = fields.length == 1 ? all : 0;
      for (int i = 1; i < fields.length; i++) {
        int index = releases.indexOf(Integer.parseInt(fields[i]));
        if (index < 0) {
          throw new IOException(RESOURCE + " names a release not in its releases line: " + line);
        }
        bits |= 1 << index;
      }
      String name = fields[0];
      if (name.endsWith("/")) {
        internal.merge(name, bits, (a, b) -> a | b);
      } else {
        classes.put(name, bits);
        exported.merge(packageOf(name), bits, (a, b) -> a | b);
      }
    }
    if (releases == null) {
      throw new IOException(RESOURCE + " is empty");
    }
    return new JdkClassList(List.copyOf(releases), classes, exported, internal);
  }

  private static JdkClassList read() {
    try (InputStream in = JdkClassList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is not on the class path");
      }
      return read(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the plugin's JDK class list " + RESOURCE, e);
    }
  }

  /** The package of an internal class name, with its trailing {@code /}. */
  static String packageOf(String internalName) {
    return internalName.substring(0, internalName.lastIndexOf('/') + 1);
  }
}
