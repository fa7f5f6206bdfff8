package dev.lambdalayer.core.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.model.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What changes for the function between the artifact deployed today ("old") and the plugin's zips
 * ("new"), as written to {@code compare.json} and summarised in the log.
 *
 * @param oldFile the artifact compared with
 * @param oldClassPath its places in Lambda's search order
 * @param newClassPath the new zips' places in search order
 * @param libraries libraries added, removed or at another version
 * @param classes classes only in old, only in new, or whose winning bytes differ
 * @param classGroups the class changes counted per library (or package, where the old artifact does
 *     not say which library a class came from)
 * @param resources other resources (read with {@code getResource}) whose winner changes
 * @param services service files whose effective provider list changes
 * @param mergedResources resources read with {@code getResources} whose copies differ
 */
public record CompareReport(
    String oldFile,
    List<String> oldClassPath,
    List<String> newClassPath,
    List<LibraryChange> libraries,
    List<FileChange> classes,
    List<GroupCount> classGroups,
    int runtimeClasses,
    List<FileChange> resources,
    List<ServiceChange> services,
    List<MergedResourceChange> mergedResources) {

  /** How a file or library changed. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * A library added, removed or at another version.
   *
   * @param expected why the plugin changes this on purpose; null when it is a real difference
   */
  public record LibraryChange(
      Change change, String library, String oldVersion, String newVersion, String expected) {}

  /**
   * A class or resource whose winning copy changes.
   *
   * @param oldLocation where the old artifact's winner is; null when only new has it
   * @param newLocation where the new class path's winner is; null when only old has it
   * @param group the library (or package) the change is counted under
   */
  public record FileChange(
      Change change, String name, String oldLocation, String newLocation, String group) {}

  /** The class changes of one library or package. */
  public record GroupCount(String group, int removed, int added, int changed) {
    int total() {
      return removed + added + changed;
    }
  }

  /** A service file whose providers, read from every copy in class-path order, change. */
  public record ServiceChange(
      String service,
      List<String> oldCopies,
      List<String> oldProviders,
      List<String> newCopies,
      List<String> newProviders) {

    public List<String> added() {
      return newProviders.stream().filter(Predicate.not(oldProviders::contains)).toList();
    }

    public List<String> removed() {
      return oldProviders.stream().filter(Predicate.not(newProviders::contains)).toList();
    }
  }

  /** A copy of a merged resource: where it is and its SHA-256. */
  public record ResourceCopy(String location, String sha256) {}

  /**
   * A resource read with {@code getResources} whose copies differ.
   *
   * @param added lines that only the new copies hold (for text resources)
   * @param removed lines that only the old copies hold
   */
  public record MergedResourceChange(
      String resource,
      List<ResourceCopy> oldCopies,
      List<ResourceCopy> newCopies,
      List<String> added,
      List<String> removed) {}

  public CompareReport {
    oldClassPath = List.copyOf(oldClassPath);
    newClassPath = List.copyOf(newClassPath);
    libraries = List.copyOf(libraries);
    classes = List.copyOf(classes);
    classGroups = List.copyOf(classGroups);
    resources = List.copyOf(resources);
    services = List.copyOf(services);
    mergedResources = List.copyOf(mergedResources);
  }

  long count(List<FileChange> changes, Change change) {
    return changes.stream().filter(c -> c.change() == change).count();
  }

  private long libraries(Change change, boolean expected) {
    return libraries.stream()
        .filter(l -> l.change() == change && (l.expected() != null) == expected)
        .count();
  }

  /** A few lines for the build log; the detail is in {@code compare.json}. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Compared with "
            + oldFile
            + " ("
            + places(oldClassPath)
            + ") the new zips ("
            + places(newClassPath)
            + "):");
    long expectedRemoved = libraries(Change.REMOVED, true);
    lines.add(
        "  libraries: "
            + libraries(Change.ADDED, false)
            + " added, "
            + (libraries(Change.REMOVED, false) + expectedRemoved)
            + " removed"
            + (expectedRemoved == 0 ? "" : " (" + expectedRemoved + " on purpose)")
            + ", "
            + libraries(Change.CHANGED, false)
            + " at another version");
    StringBuilder classLine =
        new StringBuilder(
            "  classes: "
                + count(classes, Change.REMOVED)
                + " only in the old artifact, "
                + count(classes, Change.ADDED)
                + " only in the new zips, "
                + count(classes, Change.CHANGED)
                + " with other winning bytes");
    List<GroupCount> top = classGroups.stream().limit(5).toList();
    if (!top.isEmpty()) {
      classLine.append("; most in ");
      for (int i = 0; i < top.size(); i++) {
        GroupCount g = top.get(i);
        classLine.append(i == 0 ? "" : ", ").append(g.group()).append(" (").append(g.total());
        classLine.append(')');
      }
    }
    if (runtimeClasses > 0) {
      classLine
          .append("; ")
          .append(runtimeClasses)
          .append(
              " classes in the Lambda runtime's packages not compared (its own copies load first)");
    }
    lines.add(classLine.toString());
    lines.add(
        "  resources: "
            + count(resources, Change.REMOVED)
            + " only in the old artifact, "
            + count(resources, Change.ADDED)
            + " only in the new zips, "
            + count(resources, Change.CHANGED)
            + " with another winner's bytes");
    lines.add(
        "  service files: "
            + services.size()
            + " with other providers; merged resources: "
            + mergedResources.size()
            + " with other copies");
    return lines;
  }

  /** One warning line per service file and merged resource whose content changes at run time. */
  public List<String> warnings() {
    List<String> lines = new ArrayList<>();
    for (ServiceChange s : services) {
      lines.add(
          "Service file META-INF/services/"
              + s.service()
              + ": providers "
              + s.oldProviders()
              + " become "
              + s.newProviders()
              + " (copies: "
              + String.join(", ", s.newCopies())
              + ")");
    }
    for (MergedResourceChange m : mergedResources) {
      lines.add(
          "Resource "
              + m.resource()
              + " (read with getResources): "
              + m.oldCopies().size()
              + " cop"
              + (m.oldCopies().size() == 1 ? "y" : "ies")
              + " become "
              + m.newCopies().size()
              + (m.added().isEmpty() ? "" : ", adds " + m.added())
              + (m.removed().isEmpty() ? "" : ", drops " + m.removed()));
    }
    return lines;
  }

  private static String places(List<String> classPath) {
    long jars = classPath.stream().filter(p -> p.endsWith(".jar")).count();
    if (jars == 0) {
      return "everything at /var/task";
    }
    return "/var/task and " + jars + " jar" + (jars == 1 ? "" : "s");
  }

  /** Writes {@code compare.json} atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, JsonFormat.write(toJson()).getBytes(StandardCharsets.UTF_8));
  }

  ObjectNode toJson() {
    ObjectNode root = JsonFormat.object();
    root.put("reportVersion", 1);
    root.put("old", oldFile);
    ObjectNode counts = root.putObject("summary");
    counts.put("librariesAdded", libraries(Change.ADDED, false) + libraries(Change.ADDED, true));
    counts.put(
        "librariesRemoved", libraries(Change.REMOVED, false) + libraries(Change.REMOVED, true));
    counts.put("librariesRemovedOnPurpose", libraries(Change.REMOVED, true));
    counts.put(
        "librariesOtherVersion",
        libraries(Change.CHANGED, false) + libraries(Change.CHANGED, true));
    counts.put("classesOnlyOld", count(classes, Change.REMOVED));
    counts.put("classesOnlyNew", count(classes, Change.ADDED));
    counts.put("classesChanged", count(classes, Change.CHANGED));
    counts.put("classesOfTheLambdaRuntime", runtimeClasses);
    counts.put("resourcesOnlyOld", count(resources, Change.REMOVED));
    counts.put("resourcesOnlyNew", count(resources, Change.ADDED));
    counts.put("resourcesChanged", count(resources, Change.CHANGED));
    counts.put("serviceFilesChanged", services.size());
    counts.put("mergedResourcesChanged", mergedResources.size());
    root.set("oldClassPath", JsonFormat.strings(oldClassPath));
    root.set("newClassPath", JsonFormat.strings(newClassPath));
    ArrayNode libs = root.putArray("libraries");
    for (LibraryChange l : libraries) {
      ObjectNode n = libs.addObject();
      n.put("change", name(l.change()));
      n.put("library", l.library());
      n.put("oldVersion", l.oldVersion());
      n.put("newVersion", l.newVersion());
      if (l.expected() != null) {
        n.put("onPurpose", l.expected());
      }
    }
    ArrayNode services = root.putArray("services");
    for (ServiceChange s : this.services) {
      ObjectNode n = services.addObject();
      n.put("service", s.service());
      n.set("oldProviders", JsonFormat.strings(s.oldProviders()));
      n.set("newProviders", JsonFormat.strings(s.newProviders()));
      n.set("added", JsonFormat.strings(s.added()));
      n.set("removed", JsonFormat.strings(s.removed()));
      n.set("oldCopies", JsonFormat.strings(s.oldCopies()));
      n.set("newCopies", JsonFormat.strings(s.newCopies()));
    }
    ArrayNode merged = root.putArray("mergedResources");
    for (MergedResourceChange m : mergedResources) {
      ObjectNode n = merged.addObject();
      n.put("resource", m.resource());
      n.set("oldCopies", copies(m.oldCopies()));
      n.set("newCopies", copies(m.newCopies()));
      n.set("added", JsonFormat.strings(m.added()));
      n.set("removed", JsonFormat.strings(m.removed()));
    }
    ArrayNode groups = root.putArray("classesByLibrary");
    for (GroupCount g : classGroups) {
      ObjectNode n = groups.addObject();
      n.put("library", g.group());
      n.put("onlyOld", g.removed());
      n.put("onlyNew", g.added());
      n.put("changed", g.changed());
    }
    root.set("classes", files(classes));
    root.set("resources", files(resources));
    return root;
  }

  private static ArrayNode copies(List<ResourceCopy> copies) {
    ArrayNode array = JsonFormat.array();
    for (ResourceCopy c : copies) {
      ObjectNode n = array.addObject();
      n.put("location", c.location());
      n.put("sha256", c.sha256());
    }
    return array;
  }

  private static ArrayNode files(List<FileChange> changes) {
    ArrayNode array = JsonFormat.array();
    for (FileChange c : changes) {
      ObjectNode n = array.addObject();
      n.put("change", name(c.change()));
      n.put("name", c.name());
      n.put("library", c.group());
      n.put("old", c.oldLocation());
      n.put("new", c.newLocation());
    }
    return array;
  }

  private static String name(Change change) {
    return switch (change) {
      case ADDED -> "onlyNew";
      case REMOVED -> "onlyOld";
      case CHANGED -> "changed";
    };
  }
}
