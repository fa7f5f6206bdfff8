package dev.lambdalayer.core.compare;

import dev.lambdalayer.core.classpath.LambdaLayout;
import dev.lambdalayer.core.compare.CompareReport.Change;
import dev.lambdalayer.core.compare.CompareReport.FileChange;
import dev.lambdalayer.core.compare.CompareReport.GroupCount;
import dev.lambdalayer.core.compare.CompareReport.LibraryChange;
import dev.lambdalayer.core.compare.CompareReport.MergedResourceChange;
import dev.lambdalayer.core.compare.CompareReport.ResourceCopy;
import dev.lambdalayer.core.compare.CompareReport.ServiceChange;
import dev.lambdalayer.core.compare.LambdaFiles.Copy;
import dev.lambdalayer.core.compare.LambdaFiles.Place;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares two deployments file by file, the way Lambda's class loader would read them. */
final class ArtifactComparison {

  private final LambdaFiles old;
  private final LambdaFiles now;
  private final IntendedChanges onPurpose;
  private final Map<Place, String> labels = new HashMap<>();

  private ArtifactComparison(LambdaFiles old, LambdaFiles now, IntendedChanges onPurpose) {
    this.old = old;
    this.now = now;
    this.onPurpose = onPurpose;
  }

  static CompareReport compare(
      String oldName, LambdaFiles old, LambdaFiles now, IntendedChanges why) throws IOException {
    return new ArtifactComparison(old, now, why).run(oldName);
  }

  private CompareReport run(String oldName) throws IOException {
    Map<String, String> packages = packagesOfNewClasses();
    List<FileChange> classes = new ArrayList<>();
    List<FileChange> resources = new ArrayList<>();
    List<ServiceChange> services = new ArrayList<>();
    List<MergedResourceChange> merged = new ArrayList<>();
    int runtimeClasses = 0;
    TreeSet<String> names = new TreeSet<>(old.files().keySet());
    names.addAll(now.files().keySet());
    for (String name : names) {
      List<Copy> before = old.files().getOrDefault(name, List.of());
      List<Copy> after = now.files().getOrDefault(name, List.of());
      switch (FileKind.of(name)) {
        case CLASS -> {
          if (LambdaLayout.isRuntimeClass(name)) {
            runtimeClasses++;
          } else {
            winner(name, before, after, packages).ifPresent(classes::add);
          }
        }
        case RESOURCE -> winner(name, before, after, packages).ifPresent(resources::add);
        case SERVICE -> service(name, before, after).ifPresent(services::add);
        case MERGED -> merged(name, before, after).ifPresent(merged::add);
        case IGNORED -> {}
      }
    }
    return new CompareReport(
        oldName,
        old.places().stream().map(Place::location).toList(),
        now.places().stream().map(Place::location).toList(),
        libraries(),
        classes,
        groups(classes),
        runtimeClasses,
        resources,
        services,
        merged);
  }

  private Optional<FileChange> winner(
      String name, List<Copy> before, List<Copy> after, Map<String, String> packages)
      throws IOException {
    Copy o = before.isEmpty() ? null : before.get(0);
    Copy n = after.isEmpty() ? null : after.get(0);
    Change change;
    if (o == null) {
      change = Change.ADDED;
    } else if (n == null) {
      change = Change.REMOVED;
    } else if (sameBytes(o, n)) {
      return Optional.empty();
    } else {
      change = Change.CHANGED;
    }
    return Optional.of(
        new FileChange(
            change,
            name,
            o == null ? null : o.place().location(),
            n == null ? null : n.place().location(),
            group(name, o, n, packages)));
  }

  private boolean sameBytes(Copy o, Copy n) throws IOException {
    return o.entry().size() == n.entry().size() && Arrays.equals(old.bytes(o), now.bytes(n));
  }

  /**
   * The library a change is counted under: the new winner's, else the old winner's jar, else (a
   * class at a shaded jar's root, which names no library) the library that carries its package in
   * the new zips, else the package itself, as for classes that shading relocated.
   */
  private String group(String name, Copy o, Copy n, Map<String, String> packages)
      throws IOException {
    if (n != null) {
      return label(n.place(), now);
    }
    if (!o.place().root()) {
      return label(o.place(), old);
    }
    String pkg = packageOf(name);
    String known = packages.get(pkg);
    return known != null ? known : "package " + pkg.replace('/', '.');
  }

  private Map<String, String> packagesOfNewClasses() throws IOException {
    Map<String, String> packages = new HashMap<>();
    for (Map.Entry<String, List<Copy>> file : now.files().entrySet()) {
      if (FileKind.of(file.getKey()) == FileKind.CLASS) {
        packages.putIfAbsent(packageOf(file.getKey()), label(file.getValue().get(0).place(), now));
      }
    }
    return packages;
  }

  private static String packageOf(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  /** {@code function} for the root, else the jar's library key, else its file name. */
  private String label(Place place, LambdaFiles files) throws IOException {
    String label = labels.get(place);
    if (label == null) {
      if (place.root()) {
        label = "function";
      } else {
        Map<String, Coordinates> libraries = files.libraries(place);
        label =
            libraries.isEmpty()
                ? place.location().substring(place.location().lastIndexOf('/') + 1)
                : libraries.keySet().iterator().next();
      }
      labels.put(place, label);
    }
    return label;
  }

  private static List<GroupCount> groups(List<FileChange> classes) {
    Map<String, int[]> counts = new TreeMap<>();
    for (FileChange c : classes) {
      counts.computeIfAbsent(c.group(), k -> new int[3])[c.change().ordinal()]++;
    }
    List<GroupCount> groups = new ArrayList<>();
    counts.forEach((group, n) -> groups.add(new GroupCount(group, n[1], n[0], n[2])));
    groups.sort(Comparator.comparingInt(GroupCount::total).reversed());
    return groups;
  }

  private List<LibraryChange> libraries() throws IOException {
    Map<String, Place> oldPlaces = new HashMap<>();
    Map<String, Place> newPlaces = new HashMap<>();
    Map<String, Coordinates> before = libraries(old, oldPlaces);
    Map<String, Coordinates> after = libraries(now, newPlaces);
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<LibraryChange> changes = new ArrayList<>();
    for (String key : keys) {
      Coordinates o = before.get(key);
      Coordinates n = after.get(key);
      if (o == null) {
        if (!classesAllIn(newPlaces.get(key), old)) {
          changes.add(new LibraryChange(Change.ADDED, key, null, n.version(), null));
        }
      } else if (n == null) {
        if (!classesAllIn(oldPlaces.get(key), now)) {
          String why =
              onPurpose.runtimeProvided().contains(key)
                  ? "provided by the Lambda runtime (left out on purpose)"
                  : null;
          changes.add(new LibraryChange(Change.REMOVED, key, o.version(), null, why));
        }
      } else if (!o.version().equals(n.version())) {
        changes.add(new LibraryChange(Change.CHANGED, key, o.version(), n.version(), null));
      }
    }
    return changes;
  }

  /**
   * Each library once, at the version of its first place on the class path, and that place. The
   * function itself is no library: a shaded jar names it, the function zip does not.
   */
  private Map<String, Coordinates> libraries(LambdaFiles files, Map<String, Place> places)
      throws IOException {
    Map<String, Coordinates> found = new LinkedHashMap<>();
    for (Place place : files.places()) {
      for (Map.Entry<String, Coordinates> library : files.libraries(place).entrySet()) {
        if (found.putIfAbsent(library.getKey(), library.getValue()) == null) {
          places.put(library.getKey(), place);
        }
      }
    }
    found.remove(onPurpose.project());
    return found;
  }

  /**
   * Whether a jar's classes are all in the other deployment: a jar without {@code pom.properties}
   * (reactive-streams has none) is still in a shaded jar, only unnamed there. Any difference in
   * their bytes is listed with the classes.
   */
  private static boolean classesAllIn(Place place, LambdaFiles other) {
    if (place == null || place.root()) {
      return false;
    }
    boolean any = false;
    for (String name : place.zip().entries().keySet()) {
      if (FileKind.of(name) == FileKind.CLASS) {
        if (!other.files().containsKey(name)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private Optional<ServiceChange> service(String name, List<Copy> before, List<Copy> after)
      throws IOException {
    List<String> o = providers(old, before);
    List<String> n = providers(now, after);
    if (o.equals(n)) {
      return Optional.empty();
    }
    return Optional.of(
        new ServiceChange(
            name.substring("META-INF/services/".length()),
            locations(before),
            o,
            locations(after),
            n));
  }

  /** The providers {@code ServiceLoader} finds: every copy's names in order, each name once. */
  private static List<String> providers(LambdaFiles files, List<Copy> copies) throws IOException {
    Set<String> providers = new LinkedHashSet<>();
    for (Copy copy : copies) {
      providers.addAll(lines(files.bytes(copy)));
    }
    return List.copyOf(providers);
  }

  /** The lines that carry content: comments ({@code #}) and blanks removed, trimmed. */
  private static List<String> lines(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r")) {
      int hash = line.indexOf('#');
      String content = (hash < 0 ? line : line.substring(0, hash)).trim();
      if (!content.isEmpty()) {
        lines.add(content);
      }
    }
    return lines;
  }

  private static List<String> locations(List<Copy> copies) {
    return copies.stream().map(c -> c.place().location()).toList();
  }

  /**
   * Text resources differ when the lines of all copies together differ (a shade transformer that
   * appended the copies into one file changes nothing); binary ones when the copies' bytes do.
   */
  private Optional<MergedResourceChange> merged(String name, List<Copy> before, List<Copy> after)
      throws IOException {
    List<ResourceCopy> oldCopies = new ArrayList<>();
    List<ResourceCopy> newCopies = new ArrayList<>();
    Set<String> oldLines = new LinkedHashSet<>();
    Set<String> newLines = new LinkedHashSet<>();
    for (Copy c : before) {
      byte[] bytes = old.bytes(c);
      oldCopies.add(new ResourceCopy(c.place().location(), Hashes.sha256Hex(bytes)));
      oldLines.addAll(lines(bytes));
    }
    for (Copy c : after) {
      byte[] bytes = now.bytes(c);
      newCopies.add(new ResourceCopy(c.place().location(), Hashes.sha256Hex(bytes)));
      newLines.addAll(lines(bytes));
    }
    boolean differs;
    List<String> added = List.of();
    List<String> removed = List.of();
    if (name.endsWith(".dat")) {
      differs = !sortedHashes(oldCopies).equals(sortedHashes(newCopies));
    } else {
      added = newLines.stream().filter(l -> !oldLines.contains(l)).toList();
      removed = oldLines.stream().filter(l -> !newLines.contains(l)).toList();
      differs = !added.isEmpty() || !removed.isEmpty();
    }
    return differs
        ? Optional.of(new MergedResourceChange(name, oldCopies, newCopies, added, removed))
        : Optional.empty();
  }

  private static List<String> sortedHashes(List<ResourceCopy> copies) {
    return copies.stream().map(ResourceCopy::sha256).sorted().toList();
  }
}
