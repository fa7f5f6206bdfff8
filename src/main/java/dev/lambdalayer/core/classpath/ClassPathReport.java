package dev.lambdalayer.core.classpath;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Plural;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the class-path check found. Errors (the handler, missing classes, library version conflicts,
 * classes too new for the runtime) mean the function would fail in Lambda; shadowed classes are
 * warnings.
 *
 * @param handler the handler checked, or null when none was configured
 * @param runtime the runtime checked against (the oldest configured), or null when none
 * @param jdkClasses where the JDK's classes came from: the plugin's list for the runtime's Java
 *     release, or the running JDK for a release the list lacks
 * @param runningJdk whether they are the running JDK's, as the plugin has no list for the release
 * @param handlerProblem why Lambda could not call the handler, or null when it can
 * @param roots how many classes the walk started from
 * @param reachable how many classes of the function and layers the walk reached
 */
public record ClassPathReport(
    String handler,
    String runtime,
    String jdkClasses,
    boolean runningJdk,
    List<ClassPathEntry> classPath,
    Map<ClassPathEntry, Integer> classCounts,
    String handlerProblem,
    int roots,
    int reachable,
    List<MissingClass> missing,
    List<MissingClass> allowedMissing,
    List<VersionConflict> versionConflicts,
    List<TooNewClass> tooNew,
    List<Shadowing> shadowed,
    List<String> replacedJars,
    long millis) {

  /**
   * A class the code uses that nothing provides, with the classes that lead to it, and the library
   * of Maven's runtime class path that has it but that the zips leave out, if any.
   */
  public record MissingClass(
      String className, List<String> chain, ClassPathInput.LeftOut leftOutIn) {
    public MissingClass(String className, List<String> chain) {
      this(className, chain, null);
    }

    public String chainText() {
      return String.join(" -> ", chain);
    }
  }

  /** Whether every missing class is in a library Maven has but the zips leave out. */
  public boolean missingOnlyByPlacement() {
    return !missing.isEmpty() && missing.stream().allMatch(m -> m.leftOutIn() != null);
  }

  /** One library ({@code groupId:artifactId}) in several versions on the class path. */
  public record VersionConflict(String library, List<ClassPathEntry> jars) {}

  /** A reachable class compiled for a newer Java than the runtime's. */
  public record TooNewClass(String className, ClassPathEntry entry, int javaVersion) {}

  /**
   * Classes found in several places: {@code winner} is where Lambda loads them from (an entry, or
   * {@code "the JDK"} / {@code "the Lambda runtime"}), {@code shadowed} the copies never loaded.
   */
  public record Shadowing(String winner, List<ClassPathEntry> shadowed, List<String> classes) {
    /** Copies shadowed by the JDK or the Lambda runtime are expected: they are not warnings. */
    public boolean byRuntime() {
      return !winner.startsWith("/");
    }
  }

  public ClassPathReport {
    classPath = List.copyOf(classPath);
    classCounts = Map.copyOf(classCounts);
    missing = List.copyOf(missing);
    allowedMissing = List.copyOf(allowedMissing);
    versionConflicts = List.copyOf(versionConflicts);
    tooNew = List.copyOf(tooNew);
    shadowed = List.copyOf(shadowed);
    replacedJars = List.copyOf(replacedJars);
  }

  public boolean hasErrors() {
    return handlerProblem != null
        || !missing.isEmpty()
        || !versionConflicts.isEmpty()
        || !tooNew.isEmpty();
  }

  /** Shadowing between the function's and the layers' own jars: worth a warning. */
  public List<Shadowing> warnings() {
    return shadowed.stream().filter(s -> !s.byRuntime()).toList();
  }

  /** The error lines: each says what fails, where, and how Lambda would fail. */
  public List<String> errors() {
    List<String> errors = new ArrayList<>();
    if (handlerProblem != null) {
      errors.add("Handler '" + handler + "': " + handlerProblem);
    }
    for (MissingClass m : missing) {
      errors.add(
          "Missing class "
              + m.className()
              + " (NoClassDefFoundError in Lambda), reached by "
              + m.chainText()
              + (m.leftOutIn() == null ? "" : placementFault(m.leftOutIn())));
    }
    for (VersionConflict c : versionConflicts) {
      errors.add(
          "Library "
              + c.library()
              + " is on the class path in "
              + c.jars().size()
              + " versions: "
              + String.join(
                  ", ", c.jars().stream().map(j -> j.coordinates().version() + " in " + j).toList())
              + "; only the first is loaded, the others' classes are shadowed");
    }
    for (TooNewClass t : tooNew) {
      errors.add(
          String.format(
              Locale.ROOT,
              "Class %s in %s is compiled for Java %d, newer than the runtime %s"
                  + " (UnsupportedClassVersionError in Lambda)",
              t.className(),
              t.entry(),
              t.javaVersion(),
              runtime));
    }
    return errors;
  }

  /** Maven has the class; the plugin's placement left its library out of the zips. */
  private static String placementFault(ClassPathInput.LeftOut leftOut) {
    return "; Maven's runtime class path has it in "
        + leftOut.library()
        + ", which the zips leave out because "
        + switch (leftOut.reason()) {
          case RUNTIME_PROVIDED ->
              "a runtimeProvided pattern matches it, but the Lambda runtime does not provide this"
                  + " class: the placement is at fault, not the project's scopes";
          case SHARED_LAYER ->
              "a shared layer holds it, but that layer's jar could not be checked: the placement"
                  + " is at fault, not the project's scopes";
        };
  }

  /** The warning lines: one per group of shadowed classes. */
  public List<String> warningLines() {
    List<String> lines = new ArrayList<>();
    for (Shadowing s : warnings()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%d class%s in %s shadow%s the copies in %s (for example %s)",
              s.classes().size(),
              s.classes().size() == 1 ? "" : "es",
              s.winner(),
              s.classes().size() == 1 ? "s" : "",
              String.join(", ", s.shadowed().stream().map(ClassPathEntry::toString).toList()),
              String.join(", ", s.classes().subList(0, Math.min(3, s.classes().size())))));
    }
    return lines;
  }

  /** One line for the build log. */
  public String summary() {
    int jars = classPath.size() - 1;
    String from =
        handler != null
            ? roots > 0 ? "reachable from " + handler : "checked"
            : "reachable from the function's " + Plural.of(roots, "class", "classes");
    return String.format(
        Locale.ROOT,
        "Class path (%s%s): /var/task and %d jar%s; %s %s; %d missing, %d version"
            + " conflict%s, %d shadowing warning%s (%d ms)",
        runtime == null ? "runtime not set" : runtime,
        runningJdk ? "; " + jdkClasses : "",
        jars,
        jars == 1 ? "" : "s",
        Plural.of(reachable, "class", "classes"),
        from,
        missing.size(),
        versionConflicts.size(),
        versionConflicts.size() == 1 ? "" : "s",
        warnings().size(),
        warnings().size() == 1 ? "" : "s",
        millis);
  }

  /** Writes {@code classpath.json}. */
  public void write(Path target) throws IOException {
    ObjectNode root = JsonFormat.object();
    root.put("reportVersion", 1);
    root.put("handler", handler);
    root.put("runtime", runtime);
    root.put("jdkClasses", jdkClasses);
    root.put("runningJdk", runningJdk);
    root.put("errors", errors().size());
    root.put("warnings", warnings().size());
    ArrayNode entries = root.putArray("classPath");
    for (ClassPathEntry e : classPath) {
      entries.add(entry(e).put("classes", classCounts.getOrDefault(e, 0)));
    }
    root.put("handlerProblem", handlerProblem);
    root.put("roots", roots);
    root.put("reachableClasses", reachable);
    ArrayNode missingClasses = root.putArray("missing");
    missing.forEach(m -> missingClasses.add(missing(m)));
    ArrayNode allowed = root.putArray("allowedMissing");
    allowedMissing.forEach(m -> allowed.add(missing(m)));
    ArrayNode conflicts = root.putArray("versionConflicts");
    for (VersionConflict c : versionConflicts) {
      ObjectNode m = conflicts.addObject();
      m.put("library", c.library());
      m.set("jars", entries(c.jars()));
    }
    ArrayNode tooNewClasses = root.putArray("tooNewForRuntime");
    for (TooNewClass t : tooNew) {
      ObjectNode m = tooNewClasses.addObject();
      m.put("class", t.className());
      m.put("location", t.entry().location());
      m.put("javaVersion", t.javaVersion());
    }
    ArrayNode shadowings = root.putArray("shadowed");
    for (Shadowing s : shadowed) {
      ObjectNode m = shadowings.addObject();
      m.put("winner", s.winner());
      m.put("warning", !s.byRuntime());
      m.set("shadowed", entries(s.shadowed()));
      m.set("classes", JsonFormat.strings(s.classes()));
    }
    root.set("replacedJars", JsonFormat.strings(replacedJars));
    root.put("millis", millis);
    AtomicFiles.write(target, JsonFormat.write(root).getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode missing(MissingClass m) {
    ObjectNode out = JsonFormat.object();
    out.put("class", m.className());
    out.set("chain", JsonFormat.strings(m.chain()));
    return out;
  }

  private static ArrayNode entries(List<ClassPathEntry> entries) {
    ArrayNode out = JsonFormat.array();
    entries.forEach(e -> out.add(entry(e)));
    return out;
  }

  private static ObjectNode entry(ClassPathEntry e) {
    ObjectNode out = JsonFormat.object();
    out.put("location", e.location());
    out.put("zip", e.zip());
    out.put("library", e.coordinates() == null ? null : e.coordinates().toString());
    return out;
  }
}
