package dev.lambdalayer.core;

import dev.lambdalayer.core.AuditReport.Check;
import dev.lambdalayer.core.AuditReport.Finding;
import dev.lambdalayer.core.AuditReport.Kind;
import dev.lambdalayer.core.AuditReport.Severity;
import dev.lambdalayer.core.AuditReport.Subject;
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
 * drift, integrity failures, content drift and rule drift, per layer and for the function.
 */
public final class DriftAudit {

  private static final List<Check> LAYER_CHECKS =
      List.of(Check.RULES, Check.DEPENDENCIES, Check.INTEGRITY, Check.CONTENT);
  private static final List<Check> FUNCTION_CHECKS = List.of(Check.DEPENDENCIES, Check.INTEGRITY);

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
    subjects.add(new Subject(Kind.FUNCTION, current.function().name(), FUNCTION_CHECKS));

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
