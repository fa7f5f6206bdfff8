package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.ModuleLibraries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Chooses what a reactor layer holds: every release library that at least N function modules of the
 * reactor use, in the one version they all use.
 *
 * <p>A library the modules use in different versions is left out: whichever version the layer held,
 * the modules wanting another would keep their own copy in the function zip, which shadows the
 * layer's class by class, and the class-path check would rightly report both versions. Left out,
 * each module keeps its own version and nothing is mixed. The choice depends only on the modules'
 * graphs, never on the module making it, so every module builds the same layer.
 */
public final class ReactorLayerSelection {

  /**
   * A library enough modules use, but not in one version.
   *
   * @param library {@code groupId:artifactId[:classifier]}
   * @param modulesByVersion each version to the modules using it, sorted
   */
  public record LeftOut(String library, Map<String, List<String>> modulesByVersion) {

    public LeftOut {
      modulesByVersion = Map.copyOf(modulesByVersion);
    }

    /** Whether this is {@code library}, in any version. */
    public boolean concerns(Coordinates library) {
      return this.library.equals(display(identity(library)));
    }

    /** One line for logs: what was left out, why, and how to share it. */
    public String message() {
      String versions =
          new TreeMap<>(modulesByVersion)
              .entrySet().stream()
                  .map(e -> e.getKey() + " in " + String.join(", ", e.getValue()))
                  .collect(Collectors.joining("; "));
      return library
          + " is used in different versions ("
          + versions
          + "), so it stays with each module; align its version in the parent's"
          + " dependency management to share it";
    }
  }

  /**
   * The reactor layer's libraries, sorted, and the libraries left out for differing versions.
   *
   * @param modules how many function modules the choice was made from
   */
  public record Selection(List<Coordinates> libraries, List<LeftOut> leftOut, int modules) {

    public Selection {
      libraries = List.copyOf(libraries);
      leftOut = List.copyOf(leftOut);
    }
  }

  private ReactorLayerSelection() {}

  /**
   * @param minModules how many modules must use a library for it to be shared (1 or more)
   * @param runtimeProvided libraries no zip carries, as the Lambda runtime provides them
   */
  public static Selection select(
      List<ModuleLibraries> modules, int minModules, List<ArtifactPattern> runtimeProvided) {
    // identity -> version -> modules using it
    Map<String, Map<String, Set<String>>> usage = new TreeMap<>();
    Map<String, Coordinates> byIdentityAndVersion = new TreeMap<>();
    for (ModuleLibraries module : modules) {
      Set<Coordinates> excluded = new HashSet<>(module.volatileLibraries());
      for (Coordinates library : module.libraries()) {
        if (excluded.contains(library)
            || library.isSnapshot()
            || runtimeProvided.stream().anyMatch(p -> p.matches(library))) {
          continue;
        }
        String identity = identity(library);
        usage
            .computeIfAbsent(identity, k -> new TreeMap<>())
            .computeIfAbsent(library.version(), k -> new TreeSet<>())
            .add(module.module());
        byIdentityAndVersion.putIfAbsent(identity + "@" + library.version(), library);
      }
    }
    List<Coordinates> libraries = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    usage.forEach(
        (identity, versions) -> {
          long users = versions.values().stream().flatMap(Set::stream).distinct().count();
          if (users < minModules) {
            return;
          }
          if (versions.size() == 1) {
            String version = versions.keySet().iterator().next();
            libraries.add(byIdentityAndVersion.get(identity + "@" + version));
          } else {
            Map<String, List<String>> byVersion = new TreeMap<>();
            versions.forEach((version, users2) -> byVersion.put(version, List.copyOf(users2)));
            leftOut.add(new LeftOut(display(identity), byVersion));
          }
        });
    libraries.sort(Comparator.comparing(Coordinates::toString));
    return new Selection(libraries, leftOut, modules.size());
  }

  /** A library across versions; classifier and type tell different files of one artifact apart. */
  private static String identity(Coordinates c) {
    return c.key() + ":" + c.classifier() + ":" + c.extension();
  }

  private static String display(String identity) {
    String[] parts = identity.split(":", -1);
    return parts[0] + ":" + parts[1] + (parts[2].isEmpty() ? "" : ":" + parts[2]);
  }
}
