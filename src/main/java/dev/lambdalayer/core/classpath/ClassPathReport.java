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
 * @param resources what the service files and other resources on the class path change, and the
 *     malformed class files the walk met
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
    Resources resources,
    long millis) {

  /** The kinds of error, each with its own fix. */
  public enum Finding {
    /** The handler class or method is not what Lambda can call. */
    HANDLER,
    /** A class the code references is in no zip. */
    MISSING_CLASS,
    /** A class Maven has, but the zips leave out: the placement is at fault. */
    MISSING_BY_PLACEMENT,
    /** A provider a service file names is in no zip ({@code ServiceConfigurationError}). */
    SERVICE_PROVIDER_MISSING,
    /** One library in two versions. */
    VERSION_CONFLICT,
    /** A class compiled for a newer Java than the runtime's. */
    TOO_NEW,
    /** A class file the JVM would refuse ({@code ClassFormatError}). */
    MALFORMED_CLASS
  }

  /**
   * The service files and resources several places carry, and the class files that cannot be read.
   *
   * @param services services whose {@code META-INF/services} file is in more than one place
   * @param providerConflicts services that must have one provider but have several (warnings)
   * @param missingProviders providers of reached services that no zip carries (errors)
   * @param merged resources read with {@code getResources}, with every copy read
   * @param shadowedResources resources read with {@code getResource} in several places
   * @param malformed reached class files that are not valid (errors)
   */
  public record Resources(
      List<ServiceFile> services,
      List<ProviderConflict> providerConflicts,
      List<MissingProvider> missingProviders,
      List<MergedResource> merged,
      List<ShadowedResource> shadowedResources,
      List<MalformedClass> malformed) {
    public Resources {
      services = List.copyOf(services);
      providerConflicts = List.copyOf(providerConflicts);
      missingProviders = List.copyOf(missingProviders);
      merged = List.copyOf(merged);
      shadowedResources = List.copyOf(shadowedResources);
      malformed = List.copyOf(malformed);
    }

    /** Nothing found. */
    public static Resources none() {
      return new Resources(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  /** One copy of a service file: where it is and the providers it names, in order. */
  public record ServiceCopy(ClassPathEntry entry, List<String> providers) {
    public ServiceCopy {
      providers = List.copyOf(providers);
    }
  }

  /** A service whose file several places carry; {@code ServiceLoader} reads them in this order. */
  public record ServiceFile(String service, List<ServiceCopy> copies) {
    public ServiceFile {
      copies = List.copyOf(copies);
    }
  }

  /** A service that must have one provider, with the copies that bring several, and the fix. */
  public record ProviderConflict(String service, List<ServiceCopy> copies, String fix) {
    public ProviderConflict {
      copies = List.copyOf(copies);
    }
  }

  /** A provider named by a service file of a reached service that nothing carries. */
  public record MissingProvider(
      String service, String provider, ClassPathEntry serviceFile, List<String> chain) {
    public MissingProvider {
      chain = List.copyOf(chain);
    }
  }

  /** A resource read with {@code getResources}: every copy is read, in this order. */
  public record MergedResource(String resource, List<ClassPathEntry> copies) {
    public MergedResource {
      copies = List.copyOf(copies);
    }
  }

  /** A resource read with {@code getResource} that several places carry: the first one wins. */
  public record ShadowedResource(
      String resource, ClassPathEntry winner, List<ClassPathEntry> shadowed) {
    public ShadowedResource {
      shadowed = List.copyOf(shadowed);
    }
  }

  /** A reached class file that is not valid, with the jar that carries it. */
  public record MalformedClass(String className, ClassPathEntry entry, String problem) {}

  /**
   * A class the code uses that nothing provides, with the classes that lead to it, the library of
   * Maven's runtime class path that has it but that the zips leave out, if any, and how the code
   * loads it: null for a bytecode reference, {@code Class.forName} for a load by constant name.
   */
  public record MissingClass(
      String className, List<String> chain, ClassPathInput.LeftOut leftOutIn, String loadedBy) {
    public MissingClass(String className, List<String> chain) {
      this(className, chain, null, null);
    }

    public MissingClass(String className, List<String> chain, ClassPathInput.LeftOut leftOutIn) {
      this(className, chain, leftOutIn, null);
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
    resources = resources == null ? Resources.none() : resources;
  }

  public boolean hasErrors() {
    return !findings().isEmpty();
  }

  /** The kinds of error found, in a fixed order. */
  public java.util.Set<Finding> findings() {
    java.util.Set<Finding> kinds = java.util.EnumSet.noneOf(Finding.class);
    if (handlerProblem != null) {
      kinds.add(Finding.HANDLER);
    }
    missing.forEach(
        m ->
            kinds.add(
                m.leftOutIn() == null ? Finding.MISSING_CLASS : Finding.MISSING_BY_PLACEMENT));
    if (!resources.missingProviders().isEmpty()) {
      kinds.add(Finding.SERVICE_PROVIDER_MISSING);
    }
    if (!versionConflicts.isEmpty()) {
      kinds.add(Finding.VERSION_CONFLICT);
    }
    if (!tooNew.isEmpty()) {
      kinds.add(Finding.TOO_NEW);
    }
    if (!resources.malformed().isEmpty()) {
      kinds.add(Finding.MALFORMED_CLASS);
    }
    return kinds;
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
              + (m.loadedBy() == null
                  ? " (NoClassDefFoundError in Lambda), reached by "
                  : " (ClassNotFoundException from " + m.loadedBy() + " in Lambda), loaded by ")
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
    for (MissingProvider p : resources.missingProviders()) {
      errors.add(
          "Missing service provider "
              + p.provider()
              + ", named in META-INF/services/"
              + p.service()
              + " of "
              + p.serviceFile()
              + " (ServiceConfigurationError in Lambda when the service is loaded), reached by "
              + String.join(" -> ", p.chain()));
    }
    for (MalformedClass m : resources.malformed()) {
      errors.add(
          "Class "
              + m.className()
              + " in "
              + m.entry()
              + " is not a valid class file (ClassFormatError in Lambda): "
              + m.problem());
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

  /** How many warnings: shadowed class groups and services with one provider too many. */
  public int warningCount() {
    return warnings().size() + resources.providerConflicts().size();
  }

  /** The warning lines: one per group of shadowed classes and per provider conflict. */
  public List<String> warningLines() {
    List<String> lines = new ArrayList<>();
    for (ProviderConflict c : resources.providerConflicts()) {
      lines.add(
          "Service "
              + c.service()
              + " must have one provider, but the class path has "
              + String.join(
                  ", ",
                  c.copies().stream()
                      .map(copy -> String.join(", ", copy.providers()) + " in " + copy.entry())
                      .toList())
              + ": "
              + c.fix());
    }
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
            + " conflict%s, %d warning%s (%d ms)",
        runtime == null ? "runtime not set" : runtime,
        runningJdk ? "; " + jdkClasses : "",
        jars,
        jars == 1 ? "" : "s",
        Plural.of(reachable, "class", "classes"),
        from,
        missing.size(),
        versionConflicts.size(),
        versionConflicts.size() == 1 ? "" : "s",
        warningCount(),
        warningCount() == 1 ? "" : "s",
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
    root.put("warnings", warningCount());
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
    writeResources(root);
    root.put("millis", millis);
    AtomicFiles.write(target, JsonFormat.write(root).getBytes(StandardCharsets.UTF_8));
  }

  private void writeResources(ObjectNode root) {
    ArrayNode services = root.putArray("serviceFiles");
    for (ServiceFile f : resources.services()) {
      ObjectNode m = services.addObject();
      m.put("service", f.service());
      m.set("copies", copies(f.copies()));
    }
    ArrayNode conflicts = root.putArray("providerConflicts");
    for (ProviderConflict c : resources.providerConflicts()) {
      ObjectNode m = conflicts.addObject();
      m.put("service", c.service());
      m.set("copies", copies(c.copies()));
      m.put("fix", c.fix());
    }
    ArrayNode providers = root.putArray("missingProviders");
    for (MissingProvider p : resources.missingProviders()) {
      ObjectNode m = providers.addObject();
      m.put("service", p.service());
      m.put("provider", p.provider());
      m.put("serviceFile", p.serviceFile().location());
      m.set("chain", JsonFormat.strings(p.chain()));
    }
    ArrayNode merged = root.putArray("mergedResources");
    for (MergedResource r : resources.merged()) {
      ObjectNode m = merged.addObject();
      m.put("resource", r.resource());
      m.set("copies", entries(r.copies()));
    }
    ArrayNode shadowedResources = root.putArray("shadowedResources");
    for (ShadowedResource r : resources.shadowedResources()) {
      ObjectNode m = shadowedResources.addObject();
      m.put("resource", r.resource());
      m.put("winner", r.winner().location());
      m.set(
          "shadowed",
          JsonFormat.strings(r.shadowed().stream().map(ClassPathEntry::location).toList()));
    }
    ArrayNode malformed = root.putArray("malformedClasses");
    for (MalformedClass c : resources.malformed()) {
      ObjectNode m = malformed.addObject();
      m.put("class", c.className());
      m.put("location", c.entry().location());
      m.put("problem", c.problem());
    }
  }

  private static ArrayNode copies(List<ServiceCopy> copies) {
    ArrayNode out = JsonFormat.array();
    for (ServiceCopy copy : copies) {
      ObjectNode m = entry(copy.entry());
      m.set("providers", JsonFormat.strings(copy.providers()));
      out.add(m);
    }
    return out;
  }

  private static ObjectNode missing(MissingClass m) {
    ObjectNode out = JsonFormat.object();
    out.put("class", m.className());
    out.set("chain", JsonFormat.strings(m.chain()));
    if (m.loadedBy() != null) {
      out.put("loadedBy", m.loadedBy());
    }
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
