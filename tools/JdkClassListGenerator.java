import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes {@code src/main/resources/dev/lambdalayer/core/classpath/jdk-classes.txt}: the JDK classes and
 * packages of each Java release that Lambda runs, for the class-path check ({@code
 * JavaRuntimeClasses}, {@code JdkClassList}). Not part of the build: run it by hand when Lambda
 * adds a Java runtime (add the release to {@link #RELEASES}) or to refresh the data, from the
 * project directory, and commit the file:
 *
 * <pre>
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java tools/JdkClassListGenerator.java \
 *     src/main/resources/dev/lambdalayer/core/classpath/jdk-classes.txt \
 *     /usr/lib/jvm/temurin-25-jdk-amd64 \
 *     /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64
 * </pre>
 *
 * <p>Arguments: the file to write; a JDK at least as new as the newest release, which gives {@code
 * lib/ct.sym} (and runs this program: reading the module descriptors of a {@code ct.sym} needs a
 * JDK as new as it); then the JDKs whose images to look at.
 *
 * <p>{@code ct.sym} is javac's {@code --release} data: the public API of every release, per module,
 * with each module's exports. A release's classes are those of its exported packages (for Java 8,
 * which has no modules, all of them).
 *
 * <p>Each image JDK runs this program ({@code --boot-layer}, so the file is Java 17 source) to list
 * the packages of its boot layer as a class-path application sees it, and the public classes of the
 * exported ones. Those give the JDK's internal packages ({@code sun.nio.ch}, {@code
 * jdk.internal.misc}), which {@code ct.sym} does not list, and the API an update release added to
 * its release without {@code ct.sym} knowing ({@code javax.crypto.KEM} in 17u). A package the JDK
 * has but does not export in a release is written as a package: the check takes its classes as
 * present without looking at them, as code that uses them guards the use.
 *
 * <p>Java 8's {@code rt.jar} held more than its documented API ({@code sun.misc}, {@code jdk.net},
 * …), so on Java 8 every package of the JDK's own namespaces ({@code sun}, {@code com.sun}, {@code
 * jdk}, …) that the images have counts as such a package; the standard namespaces ({@code java},
 * {@code javax}, {@code org}) follow {@code ct.sym} there too.
 */
public class JdkClassListGenerator {

  /** The Java feature releases of Lambda's Java runtimes: java8.al2, java11, … */
  static final List<Integer> RELEASES = List.of(8, 11, 17, 21, 25);

  private static final List<String> STANDARD_NAMESPACES = List.of("java/", "javax/", "org/");

  private static final Path SELF = Path.of("tools", "JdkClassListGenerator.java");

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--boot-layer")) {
      printBootLayer();
      return;
    }
    if (args.length < 3) {
      System.err.println(
          "usage: java tools/JdkClassListGenerator.java OUTPUT CT_SYM_JDK IMAGE_JDK...");
      System.exit(2);
    }
    int newest = Collections.max(RELEASES);
    if (Runtime.version().feature() < newest) {
      throw new IllegalStateException("run with JDK " + newest + " or newer");
    }
    if (!Files.isRegularFile(SELF)) {
      throw new IllegalStateException("run from the project directory (no " + SELF + ")");
    }
    Path output = Path.of(args[0]);
    Path ctSymJdk = Path.of(args[1]);
    List<Path> images = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      images.add(Path.of(args[i]));
    }

    Api api = readCtSym(ctSymJdk.resolve("lib").resolve("ct.sym"));
    Set<String> apiSomewhere = new TreeSet<>();
    api.packages.values().forEach(apiSomewhere::addAll);

    Set<String> internal = new TreeSet<>();
    Set<String> exported = new TreeSet<>();
    List<String> imageVersions = new ArrayList<>();
    for (Path image : images) {
      BootLayer layer = bootLayer(image);
      internal.addAll(layer.internal);
      exported.addAll(layer.exported);
      imageVersions.add(version(image));
      Set<String> apiHere = api.packages.get(layer.feature);
      if (apiHere != null) {
        System.err.printf(
            "JDK %d: exported but not in ct.sym %s; in ct.sym but not in the boot layer %s%n",
            layer.feature, minus(layer.exported, apiHere), minus(apiHere, layer.exported));
        // An update release may add API the release's ct.sym lacks (javax.crypto.KEM in 17u).
        List<String> added = new ArrayList<>();
        for (String name : layer.classes) {
          if (apiHere.contains(name.substring(0, name.lastIndexOf('/')))
              && api.classes.computeIfAbsent(name, k -> new TreeSet<>()).add(layer.feature)) {
            added.add(name);
          }
        }
        System.err.printf("JDK %d: public classes not in ct.sym %s%n", layer.feature, added);
      }
    }
    internal.removeAll(exported);

    // A package of the images that a release does not export: internal there, or absent.
    Map<String, Set<Integer>> packages = new TreeMap<>();
    Set<String> all = new TreeSet<>(internal);
    all.addAll(exported);
    for (String pkg : all) {
      for (int release : RELEASES) {
        if (api.packages.get(release).contains(pkg)) {
          continue;
        }
        boolean jdkOwn =
            internal.contains(pkg)
                || !apiSomewhere.contains(pkg)
                || (release == 8 && STANDARD_NAMESPACES.stream().noneMatch(pkg::startsWith));
        if (jdkOwn) {
          packages.computeIfAbsent(pkg, k -> new TreeSet<>()).add(release);
        }
      }
    }

    TreeMap<String, Set<Integer>> lines = new TreeMap<>();
    api.classes.forEach(lines::put);
    packages.forEach((pkg, releases) -> lines.put(pkg + "/", releases));
    List<String> out = new ArrayList<>();
    out.add("# The JDK classes of each Java release Lambda runs, for the class-path check.");
    out.add(
        "# Written by tools/JdkClassListGenerator.java (see there and the README); do not edit.");
    out.add("# ct.sym of JDK " + version(ctSymJdk) + "; boot layers of " + imageVersions + ".");
    out.add("# \"a/b/C\": a class of the API (exported packages) of the releases that follow it,");
    out.add("# \"a/b/\": a package the JDK has but does not export there (its classes are not");
    out.add("# checked); no releases after the name: every release of the \"releases\" line.");
    out.add("releases " + RELEASES.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    lines.forEach(
        (name, releases) ->
            out.add(
                releases.size() == RELEASES.size()
                    ? name
                    : name
                        + " "
                        + releases.stream().map(String::valueOf).collect(Collectors.joining(" "))));
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.write(output, out, StandardCharsets.UTF_8);
    for (int release : RELEASES) {
      System.err.printf(
          "%d: %d classes in %d packages, %d internal packages%n",
          release,
          api.classes.values().stream().filter(r -> r.contains(release)).count(),
          api.packages.get(release).size(),
          packages.values().stream().filter(r -> r.contains(release)).count());
    }
    System.err.printf("%s: %d lines, %d bytes%n", output, out.size(), Files.size(output));
  }

  /** The classes of each release's exported packages, from javac's {@code --release} data. */
  private static final class Api {
    final Map<String, Set<Integer>> classes = new TreeMap<>();
    final Map<Integer, Set<String>> packages = new HashMap<>();
  }

  private static Api readCtSym(Path ctSym) throws IOException {
    Api api = new Api();
    RELEASES.forEach(r -> api.packages.put(r, new TreeSet<>()));
    try (ZipFile zip = new ZipFile(ctSym.toFile())) {
      // Entries are <release letters>/<module>/<class>.sig; "8BC" covers releases 8, 11 and 12.
      Map<Integer, Map<String, Set<String>>> exports = new HashMap<>();
      Set<Integer> covered = new HashSet<>();
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String[] parts = entry.getName().split("/", 3);
        if (parts.length < 3 || !parts[2].endsWith(".sig")) {
          continue;
        }
        for (int release : releases(parts[0])) {
          covered.add(release);
          if (parts[2].equals("module-info.sig")) {
            ModuleDescriptor module;
            try (InputStream in = zip.getInputStream(entry)) {
              module = ModuleDescriptor.read(in);
            }
            Set<String> exported =
                exports
                    .computeIfAbsent(release, k -> new HashMap<>())
                    .computeIfAbsent(parts[1], k -> new HashSet<>());
            module.exports().stream()
                .filter(e -> !e.isQualified())
                .forEach(e -> exported.add(e.source().replace('.', '/')));
          }
        }
      }
      for (int release : RELEASES) {
        if (!covered.contains(release)) {
          throw new IllegalStateException(ctSym + " has no data for release " + release);
        }
      }
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String[] parts = entry.getName().split("/", 3);
        if (parts.length < 3
            || !parts[2].endsWith(".sig")
            || parts[2].endsWith("module-info.sig")) {
          continue;
        }
        String name = parts[2].substring(0, parts[2].length() - ".sig".length());
        String pkg = name.substring(0, name.lastIndexOf('/'));
        for (int release : releases(parts[0])) {
          if (release == 8
              || exports
                  .getOrDefault(release, Map.of())
                  .getOrDefault(parts[1], Set.of())
                  .contains(pkg)) {
            api.classes.computeIfAbsent(name, k -> new TreeSet<>()).add(release);
            api.packages.get(release).add(pkg);
          }
        }
      }
    }
    return api;
  }

  /** The releases of {@link #RELEASES} that a {@code ct.sym} directory name covers. */
  private static List<Integer> releases(String letters) {
    List<Integer> releases = new ArrayList<>();
    for (int release : RELEASES) {
      if (letters.indexOf(Character.toUpperCase(Character.forDigit(release, 36))) >= 0) {
        releases.add(release);
      }
    }
    return releases;
  }

  private record BootLayer(
      int feature, Set<String> exported, Set<String> internal, Set<String> classes) {}

  /** Runs this program on the JDK at {@code home} to list its boot layer's packages. */
  private static BootLayer bootLayer(Path home) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                home.resolve("bin").resolve("java").toString(), SELF.toString(), "--boot-layer")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> lines =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .toList();
    if (process.waitFor() != 0 || lines.isEmpty()) {
      throw new IOException("listing the boot layer of " + home + " failed");
    }
    Set<String> exported = new TreeSet<>();
    Set<String> internal = new TreeSet<>();
    Set<String> classes = new TreeSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(" ");
      switch (fields[0]) {
        case "exported" -> exported.add(fields[1]);
        case "internal" -> internal.add(fields[1]);
        case "class" -> classes.add(fields[1]);
        default -> throw new IOException("unexpected line from " + home + ": " + line);
      }
    }
    return new BootLayer(Integer.parseInt(lines.get(0)), exported, internal, classes);
  }

  /**
   * Prints this JDK's feature version, then each package of the boot layer with whether its module
   * exports it to everyone, then the public classes of the exported packages. Run as a class-path
   * program (as Lambda runs the runtime), the boot layer holds the modules resolved by default:
   * java.se, the jdk.* modules that export an API and what they need; not the incubator modules.
   */
  private static void printBootLayer() throws IOException {
    System.out.println(Runtime.version().feature());
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    List<String> classes = new ArrayList<>();
    for (Module module : ModuleLayer.boot().modules()) {
      Set<String> exported =
          module.getDescriptor().exports().stream()
              .filter(e -> !e.isQualified())
              .map(ModuleDescriptor.Exports::source)
              .collect(Collectors.toSet());
      for (String pkg : module.getPackages()) {
        boolean api = exported.contains(pkg);
        System.out.println((api ? "exported " : "internal ") + pkg.replace('.', '/'));
        if (!api) {
          continue;
        }
        Path dir = jrt.getPath("/modules", module.getName(), pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.toList()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".class") && !name.equals("package-info.class")) {
              Class<?> type =
                  Class.forName(module, pkg + "." + name.substring(0, name.length() - 6));
              if (type != null && accessible(type)) {
                classes.add("class " + type.getName().replace('.', '/'));
              }
            }
          }
        }
      }
    }
    classes.forEach(System.out::println);
  }

  /** Whether a class and every class around it is public: code outside the JDK can use it. */
  private static boolean accessible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  /** {@code JAVA_VERSION} and {@code IMPLEMENTOR} of a JDK's {@code release} file. */
  private static String version(Path home) throws IOException {
    Properties release = new Properties();
    try (InputStream in = Files.newInputStream(home.resolve("release"))) {
      release.load(in);
    }
    String version = release.getProperty("JAVA_VERSION", "?").replace("\"", "");
    String implementor = release.getProperty("IMPLEMENTOR", "").replace("\"", "");
    return implementor.isEmpty() ? version : version + " (" + implementor + ")";
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }
}
