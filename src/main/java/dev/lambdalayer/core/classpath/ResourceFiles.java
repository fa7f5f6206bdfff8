package dev.lambdalayer.core.classpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The non-class files on the simulated class path that several places carry: those read with {@code
 * getResources} (every copy counts, see {@link KnownServices#MERGED_RESOURCES}) and those read with
 * {@code getResource} (the first copy wins, the others are never read).
 */
final class ResourceFiles {

  private ResourceFiles() {}

  /** Each known merged resource present on the class path, with every copy in reading order. */
  static List<ClassPathReport.MergedResource> merged(SimulatedClassPath path) {
    List<ClassPathReport.MergedResource> out = new ArrayList<>();
    for (String name : KnownServices.MERGED_RESOURCES) {
      List<ClassPathEntry> copies = path.resources().get(name);
      if (copies != null) {
        out.add(new ClassPathReport.MergedResource(name, copies));
      }
    }
    return out;
  }

  /** Resources in several places, sorted by name, with the copy that wins. */
  static List<ClassPathReport.ShadowedResource> shadowed(SimulatedClassPath path) {
    Map<String, List<ClassPathEntry>> sorted = new TreeMap<>();
    path.resources()
        .forEach(
            (name, holders) -> {
              if (holders.size() > 1 && !ignored(name)) {
                sorted.put(name, holders);
              }
            });
    List<ClassPathReport.ShadowedResource> out = new ArrayList<>();
    sorted.forEach(
        (name, holders) ->
            out.add(
                new ClassPathReport.ShadowedResource(
                    name, holders.get(0), holders.subList(1, holders.size()))));
    return out;
  }

  /**
   * Files no library reads as a class-path resource (the jar's manifest, signatures, Maven's and
   * licence metadata), and those listed elsewhere (service files, merged resources).
   */
  private static boolean ignored(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (name.startsWith(ServiceFiles.PREFIX)
        || name.startsWith("META-INF/maven/")
        || name.startsWith("META-INF/versions/")
        || KnownServices.MERGED_RESOURCES.contains(name)) {
      return true;
    }
    if (upper.startsWith("META-INF/") && name.indexOf('/', "META-INF/".length()) < 0) {
      String file = upper.substring("META-INF/".length());
      return file.equals("MANIFEST.MF")
          || file.equals("INDEX.LIST")
          || file.endsWith(".SF")
          || file.endsWith(".RSA")
          || file.endsWith(".DSA")
          || file.endsWith(".EC")
          || file.startsWith("SIG-")
          || file.startsWith("LICENSE")
          || file.startsWith("NOTICE")
          || file.startsWith("DEPENDENCIES")
          || file.endsWith(".KOTLIN_MODULE");
    }
    String base = upper.substring(upper.lastIndexOf('/') + 1);
    return base.startsWith("LICENSE") || base.startsWith("NOTICE");
  }
}
