package dev.lambdalayer.core.lock;

import dev.lambdalayer.core.lock.AuditReport.Check;
import dev.lambdalayer.core.lock.AuditReport.Finding;
import dev.lambdalayer.core.lock.AuditReport.Kind;
import dev.lambdalayer.core.lock.AuditReport.Severity;
import dev.lambdalayer.core.lock.AuditReport.Subject;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Lockfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a locked state with the current one (both as {@link Lockfile}s) and reports dependency
 * drift, integrity failures, content drift and rule drift, per layer and for the function, and
 * drift of the shared layers the function uses.
 */
public final class DriftAudit {

  private static final List<Check> LAYER_CHECKS =
      List.of(Check.RULES, Check.DEPENDENCIES, Check.INTEGRITY, Check.CONTENT);
  private static final List<Check> FUNCTION_CHECKS = List.of(Check.DEPENDENCIES, Check.INTEGRITY);
  private static final List<Check> FUNCTION_WITH_SHARED_CHECKS =
      List.of(Check.DEPENDENCIES, Check.INTEGRITY, Check.SHARED_LAYERS);

  /** Where a library sits: a layer (by its current name) or the function. */
  private record Place(Kind kind, String name) {
    String describe() {
      return kind == Kind.FUNCTION ? "the function" : "layer '" + name + "'";
    }
  }

  private record Located(Place place, Lockfile.Library library) {}

  private final Lockfile locked;
  private final Lockfile current;
  private final Map<Coordinates, Path> files;
  private final List<Finding> findings = new ArrayList<>();

  private DriftAudit(Lockfile locked, Lockfile current, Map<Coordinates, Path> files) {
    this.locked = locked;
    this.current = current;
    this.files = files;
  }

  /**
   * @param lockfileName the lockfile as the user knows it, for the report
   * @param files where each current library's file is, to name it in integrity failures
   */
  public static AuditReport compare(
      String lockfileName, Lockfile locked, Lockfile current, Map<Coordinates, Path> files) {
    return new DriftAudit(locked, current, files).run(lockfileName);
  }

  private AuditReport run(String lockfileName) {
    Map<String, String> renamed = renames(); // locked name -> current name
    List<Subject> subjects = new ArrayList<>();
    for (Lockfile.Layer layer : current.layers()) {
      subjects.add(new Subject(Kind.LAYER, layer.name(), LAYER_CHECKS));
    }
    for (Lockfile.Layer layer : locked.layers()) {
      if (current.layer(layer.name()).isEmpty() && !renamed.containsKey(layer.name())) {
        subjects.add(
            new Subject(Kind.LAYER, layer.name(), List.of(Check.RULES, Check.DEPENDENCIES)));
        drift(
            Check.RULES,
            Kind.LAYER,
            layer.name(),
            "layer '"
                + layer.name()
                + "' is locked but no longer configured (or takes no library)");
      }
    }
    // Only projects that use shared layers get the check: other reports stay as they were.
    boolean shared = !locked.sharedLayers().isEmpty() || !current.sharedLayers().isEmpty();
    subjects.add(
        new Subject(
            Kind.FUNCTION,
            current.function().name(),
            shared ? FUNCTION_WITH_SHARED_CHECKS : FUNCTION_CHECKS));

    for (Lockfile.Layer layer : current.layers()) {
      String lockedName =
          renamed.entrySet().stream()
              .filter(e -> e.getValue().equals(layer.name()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(layer.name());
      Optional<Lockfile.Layer> before = locked.layer(lockedName);
      if (before.isEmpty()) {
        drift(
            Check.RULES,
            Kind.LAYER,
            layer.name(),
            "layer '" + layer.name() + "' is configured but not in the lockfile");
        continue;
      }
      if (!lockedName.equals(layer.name())) {
        drift(
            Check.RULES,
            Kind.LAYER,
            layer.name(),
            "layer '" + lockedName + "' is now named '" + layer.name() + "'");
      }
      compareSettings(before.get(), layer);
    }
    compareLibraries(renamed);
    for (Lockfile.Layer layer : current.layers()) {
      String lockedName =
          renamed.entrySet().stream()
              .filter(e -> e.getValue().equals(layer.name()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(layer.name());
      locked.layer(lockedName).ifPresent(before -> compareContent(before, layer));
    }
    compareSharedLayers();
    return new AuditReport(lockfileName, subjects, findings);
  }

  /**
   * Pairs a locked layer that disappeared with a new layer holding most of the same libraries: a
   * rename reads better as one finding than as a removal and an addition.
   */
  private Map<String, String> renames() {
    Map<String, String> renamed = new HashMap<>();
    Set<String> taken = new TreeSet<>();
    for (Lockfile.Layer gone : locked.layers()) {
      if (current.layer(gone.name()).isPresent()) {
        continue;
      }
      Set<String> goneKeys = keys(gone.libraries());
      String best = null;
      int bestOverlap = 0;
      for (Lockfile.Layer added : current.layers()) {
        if (locked.layer(added.name()).isPresent() || taken.contains(added.name())) {
          continue;
        }
        Set<String> overlap = keys(added.libraries());
        overlap.retainAll(goneKeys);
        if (overlap.size() * 2 > goneKeys.size() && overlap.size() > bestOverlap) {
          best = added.name();
          bestOverlap = overlap.size();
        }
      }
      if (best != null) {
        renamed.put(gone.name(), best);
        taken.add(best);
      }
    }
    return renamed;
  }

  private void compareSettings(Lockfile.Layer before, Lockfile.Layer now) {
    if (!before.runtimes().equals(now.runtimes())) {
      drift(
          Check.RULES,
          Kind.LAYER,
          now.name(),
          "compatible runtimes changed from " + before.runtimes() + " to " + now.runtimes());
    }
    if (!before.architectures().equals(now.architectures())) {
      drift(
          Check.RULES,
          Kind.LAYER,
          now.name(),
          "compatible architectures changed from "
              + before.architectures()
              + " to "
              + now.architectures());
    }
  }

  private void compareLibraries(Map<String, String> renamed) {
    Map<String, Located> before = index(locked, renamed);
    Map<String, Located> now = index(current, Map.of());
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      Located was = before.get(key);
      Located is = now.get(key);
      if (is == null) {
        drift(
            Check.DEPENDENCIES,
            was.place(),
            was.library().coordinates() + " was removed (it is locked, but no longer resolved)");
      } else if (was == null) {
        drift(
            Check.DEPENDENCIES,
            is.place(),
            is.library().coordinates() + " was added (it is resolved, but not locked)");
      } else {
        Coordinates wasCoordinates = was.library().coordinates();
        Coordinates isCoordinates = is.library().coordinates();
        if (!was.place().equals(is.place())) {
          drift(
              Check.DEPENDENCIES,
              is.place(),
              isCoordinates + " moved here from " + was.place().describe());
          drift(
              Check.DEPENDENCIES,
              was.place(),
              wasCoordinates + " moved to " + is.place().describe());
        }
        if (!wasCoordinates.version().equals(isCoordinates.version())) {
          drift(
              Check.DEPENDENCIES,
              is.place(),
              isCoordinates.key()
                  + (isCoordinates.classifier().isEmpty() ? "" : ":" + isCoordinates.classifier())
                  + " changed version from "
                  + wasCoordinates.version()
                  + " to "
                  + isCoordinates.version());
        } else if (was.library().hashLocked()
            && is.library().hashLocked()
            && (!was.library().sha256().equals(is.library().sha256())
                || !Objects.equals(was.library().size(), is.library().size()))) {
          Path file = files.get(isCoordinates);
          findings.add(
              new Finding(
                  Check.INTEGRITY,
                  is.place().kind(),
                  is.place().name(),
                  Severity.ERROR,
                  "checksum mismatch for "
                      + isCoordinates
                      + ": the lockfile records SHA-256 "
                      + was.library().sha256()
                      + " ("
                      + was.library().size()
                      + " bytes), but the resolved file"
                      + (file == null ? "" : " " + file)
                      + " has "
                      + is.library().sha256()
                      + " ("
                      + is.library().size()
                      + " bytes): the same coordinates now carry other bytes (a swapped or"
                      + " re-published artifact)"));
        }
      }
    }
  }

  private void compareContent(Lockfile.Layer before, Lockfile.Layer now) {
    if (before.sha256().equals(now.sha256())) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    if (!Objects.equals(locked.outputTimestamp(), current.outputTimestamp())) {
      reasons.add(
          "the output timestamp changed from "
              + locked.outputTimestamp()
              + " to "
              + current.outputTimestamp());
    }
    if (!Objects.equals(locked.zipFormat(), current.zipFormat())) {
      reasons.add(
          "this plugin version writes zips as '"
              + current.zipFormat()
              + "', the lockfile's were '"
              + locked.zipFormat()
              + "'");
    }
    boolean librariesChanged = findingsFor(now.name(), Check.DEPENDENCIES);
    boolean bytesChanged = findingsFor(now.name(), Check.INTEGRITY);
    if (librariesChanged || bytesChanged) {
      reasons.add(librariesChanged ? "its libraries changed" : "a library's bytes changed");
    } else if (now.libraries().stream().anyMatch(l -> !l.hashLocked())) {
      reasons.add("it holds SNAPSHOTs or modules of this build, whose bytes change");
    }
    drift(
        Check.CONTENT,
        Kind.LAYER,
        now.name(),
        "the layer zip would now have SHA-256 "
            + now.sha256()
            + ", the lockfile records "
            + before.sha256()
            + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
  }

  /**
   * Shared layers are matched by the layer project's {@code groupId:artifactId}, so that a new
   * version of the platform layer reads as one change rather than a removal and an addition. They
   * are findings of the function: it is the function's layer list that changes.
   */
  private void compareSharedLayers() {
    Map<String, Lockfile.SharedLayer> before = sharedIndex(locked);
    Map<String, Lockfile.SharedLayer> now = sharedIndex(current);
    Set<String> projects = new TreeSet<>(before.keySet());
    projects.addAll(now.keySet());
    for (String project : projects) {
      Lockfile.SharedLayer was = before.get(project);
      Lockfile.SharedLayer is = now.get(project);
      if (was == null) {
        sharedDrift(
            "shared layer "
                + is.layer()
                + " (layer '"
                + is.name()
                + "', SHA-256 "
                + is.sha256()
                + ") was added: it is a configured shared layer, but not locked. Unless that is"
                + " intended, remove it from the shared layers");
      } else if (is == null) {
        sharedDrift(
            "shared layer "
                + was.layer()
                + " (layer '"
                + was.name()
                + "') was removed: it is locked, but no longer a configured shared layer. Unless"
                + " that is intended, add it back to the shared layers");
      } else if (!was.layer().equals(is.layer())) {
        sharedDrift(
            "shared layer "
                + project
                + " changed version from "
                + version(was.layer())
                + " to "
                + version(is.layer())
                + sharedChanges(was, is)
                + ". Unless that is intended, set the shared layer back to "
                + was.layer());
      } else if (!was.sha256().equals(is.sha256())
          || !was.name().equals(is.name())
          || !libraryChanges(was.libraries(), is.libraries()).isEmpty()) {
        sharedDrift(
            "shared layer "
                + is.layer()
                + " has other content under the same version ("
                + (Coordinates.of("", "", version(is.layer())).isSnapshot()
                    ? "the SNAPSHOT was rebuilt"
                    : "the layer project was published again")
                + ")"
                + sharedChanges(was, is)
                + ". Unless that is intended, find out why "
                + is.layer()
                + " changed and restore the locked one");
      }
    }
  }

  /** "; SHA-256 ... ; libraries: ..." for what differs between two versions of a shared layer. */
  private static String sharedChanges(Lockfile.SharedLayer was, Lockfile.SharedLayer is) {
    List<String> changes = new ArrayList<>();
    if (!was.name().equals(is.name())) {
      changes.add("layer name changed from '" + was.name() + "' to '" + is.name() + "'");
    }
    changes.add(
        was.sha256().equals(is.sha256())
            ? "content unchanged (SHA-256 " + is.sha256() + ")"
            : "SHA-256 changed from " + was.sha256() + " to " + is.sha256());
    List<String> libraries = libraryChanges(was.libraries(), is.libraries());
    if (!libraries.isEmpty()) {
      changes.add("libraries: " + String.join(", ", libraries));
    }
    return "; " + String.join("; ", changes);
  }

  private static List<String> libraryChanges(
      List<Lockfile.Library> before, List<Lockfile.Library> after) {
    Map<String, Lockfile.Library> was = new LinkedHashMap<>();
    before.forEach(l -> was.putIfAbsent(key(l.coordinates()), l));
    Map<String, Lockfile.Library> is = new LinkedHashMap<>();
    after.forEach(l -> is.putIfAbsent(key(l.coordinates()), l));
    Set<String> keys = new TreeSet<>(was.keySet());
    keys.addAll(is.keySet());
    List<String> changes = new ArrayList<>();
    for (String key : keys) {
      Lockfile.Library a = was.get(key);
      Lockfile.Library b = is.get(key);
      if (b == null) {
        changes.add(a.coordinates() + " removed");
      } else if (a == null) {
        changes.add(b.coordinates() + " added");
      } else if (!a.coordinates().version().equals(b.coordinates().version())) {
        Coordinates c = b.coordinates();
        changes.add(
            c.key()
                + (c.classifier().isEmpty() ? "" : ":" + c.classifier())
                + " changed version from "
                + a.coordinates().version()
                + " to "
                + c.version());
      } else if (a.hashLocked() && b.hashLocked() && !a.sha256().equals(b.sha256())) {
        changes.add(b.coordinates() + " changed SHA-256 from " + a.sha256() + " to " + b.sha256());
      }
    }
    return changes;
  }

  private static Map<String, Lockfile.SharedLayer> sharedIndex(Lockfile lockfile) {
    Map<String, Lockfile.SharedLayer> index = new LinkedHashMap<>();
    lockfile.sharedLayers().forEach(s -> index.putIfAbsent(withoutVersion(s.layer()), s));
    return index;
  }

  /** {@code groupId:artifactId} of a {@code groupId:artifactId:version} reference. */
  private static String withoutVersion(String reference) {
    int colon = reference.lastIndexOf(':');
    return colon > reference.indexOf(':') ? reference.substring(0, colon) : reference;
  }

  private static String version(String reference) {
    int colon = reference.lastIndexOf(':');
    return colon > reference.indexOf(':') ? reference.substring(colon + 1) : reference;
  }

  private void sharedDrift(String message) {
    drift(Check.SHARED_LAYERS, Kind.FUNCTION, current.function().name(), message);
  }

  private boolean findingsFor(String layer, Check check) {
    return findings.stream()
        .anyMatch(f -> f.kind() == Kind.LAYER && f.subject().equals(layer) && f.check() == check);
  }

  private static Map<String, Located> index(Lockfile lockfile, Map<String, String> renamed) {
    Map<String, Located> index = new LinkedHashMap<>();
    for (Lockfile.Layer layer : lockfile.layers()) {
      Place place = new Place(Kind.LAYER, renamed.getOrDefault(layer.name(), layer.name()));
      layer.libraries().forEach(l -> index.put(key(l.coordinates()), new Located(place, l)));
    }
    Place function = new Place(Kind.FUNCTION, lockfile.function().name());
    lockfile
        .function()
        .libraries()
        .forEach(l -> index.putIfAbsent(key(l.coordinates()), new Located(function, l)));
    return index;
  }

  private static Set<String> keys(List<Lockfile.Library> libraries) {
    Set<String> keys = new TreeSet<>();
    libraries.forEach(l -> keys.add(key(l.coordinates())));
    return keys;
  }

  /** A library's identity across versions. */
  private static String key(Coordinates c) {
    return c.groupId() + ":" + c.artifactId() + ":" + c.classifier() + ":" + c.extension();
  }

  private void drift(Check check, Place place, String message) {
    // The function keeps its current name even if the locked one differs: one subject.
    String name = place.kind() == Kind.FUNCTION ? current.function().name() : place.name();
    drift(check, place.kind(), name, message);
  }

  private void drift(Check check, Kind kind, String subject, String message) {
    findings.add(new Finding(check, kind, subject, Severity.DRIFT, message));
  }
}
