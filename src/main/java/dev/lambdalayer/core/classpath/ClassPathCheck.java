package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.LambdaRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.Opcodes;

/**
 * Proves before deployment that Lambda can load the function: simulates Lambda's class path from
 * the zips, checks that the handler exists and has a method Lambda can call, follows the bytecode
 * references from the handler through every reachable class to find classes nothing provides, and
 * finds classes and libraries that several jars carry.
 */
public final class ClassPathCheck {

  static final String REQUEST_HANDLER = "com/amazonaws/services/lambda/runtime/RequestHandler";
  static final String REQUEST_STREAM_HANDLER =
      "com/amazonaws/services/lambda/runtime/RequestStreamHandler";
  private static final String CONTEXT = "com/amazonaws/services/lambda/runtime/Context";
  private static final String INPUT_STREAM = "java/io/InputStream";
  private static final String OUTPUT_STREAM = "java/io/OutputStream";
  private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
  private static final Pattern HANDLER =
      Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*(::" + IDENTIFIER + ")?");

  private final ClassPathSettings settings;
  private JavaRuntimeClasses java;
  private final Map<String, ClassFile> parsed = new HashMap<>();
  private SimulatedClassPath classPath;
  private ServiceFiles services;
  private final Map<String, ClassPathReport.MalformedClass> malformed = new LinkedHashMap<>();
  private final ClassIndexCache index;
  private String runtime;
  private int feature;

  private ClassPathCheck(ClassPathSettings settings) {
    this.settings = settings;
    this.index = ClassIndexCache.in(settings.indexCache());
  }

  /** Runs every check on the zips of {@code input}; reports findings, never throws for them. */
  public static ClassPathReport run(ClassPathInput input, ClassPathSettings settings)
      throws IOException {
    return new ClassPathCheck(settings).check(input);
  }

  private ClassPathReport check(ClassPathInput input) throws IOException {
    long start = System.nanoTime();
    runtime = input.runtimes().isEmpty() ? null : LambdaRuntime.oldest(input.runtimes());
    feature = runtime == null ? Runtime.version().feature() : LambdaRuntime.javaRelease(runtime);
    java = JavaRuntimeClasses.of(feature);
    try (SimulatedClassPath path = SimulatedClassPath.open(input)) {
      classPath = path;
      services = ServiceFiles.read(path);
      List<ClassPathReport.Shadowing> shadowed = shadowing();
      List<ClassPathReport.VersionConflict> conflicts = versionConflicts();

      String handlerProblem = null;
      List<String> roots;
      if (settings.handler() == null) {
        roots = functionClasses();
      } else {
        handlerProblem = handlerProblem(settings.handler());
        String handlerClass = internalName(settings.handler());
        roots =
            path.find(handlerClass) != null && HANDLER.matcher(settings.handler()).matches()
                ? List.of(handlerClass)
                : List.of();
      }
      Walk walk = walk(roots);
      saveIndex();
      blamePlacement(walk, input.leftOut());
      List<String> replaced =
          path.replaced().stream()
              .map(
                  r ->
                      r.location()
                          + " of layer "
                          + r.replacedLayer()
                          + " replaced by layer "
                          + r.byLayer()
                          + "'s")
              .toList();
      return new ClassPathReport(
          settings.handler(),
          runtime,
          java.describe(),
          java.isRunningJdk(),
          path.entries(),
          path.classCounts(),
          handlerProblem,
          roots.size(),
          walk.reachable,
          walk.missing,
          walk.allowedMissing,
          conflicts,
          walk.tooNew,
          shadowed,
          replaced,
          new ClassPathReport.Resources(
              services.inSeveralPlaces(),
              services.conflicts(KnownServices.singleProvider(settings.singleProviderServices())),
              walk.missingProviders,
              ResourceFiles.merged(path),
              ResourceFiles.shadowed(path),
              List.copyOf(malformed.values())),
          (System.nanoTime() - start) / 1_000_000);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // ---- duplicates -------------------------------------------------------------------------

  private List<ClassPathReport.Shadowing> shadowing() {
    Map<ClassPathEntry, Integer> order = new HashMap<>();
    classPath.entries().forEach(e -> order.put(e, order.size()));
    record Key(String winner, int winnerOrder, List<ClassPathEntry> shadowed) {}
    Map<Key, List<String>> groups = new HashMap<>();
    // Tens of thousands of names, a few hundred packages: ask once per package where that suffices.
    Map<String, Boolean> runtimePackage = new HashMap<>();
    Map<String, Boolean> jdkPackage = new HashMap<>();
    classPath
        .classes()
        .forEach(
            (name, holders) -> {
              String winner;
              List<ClassPathEntry> shadowed;
              int winnerOrder;
              String pkg = name.substring(0, name.lastIndexOf('/') + 1);
              if (runtimePackage.computeIfAbsent(pkg, p -> java.isLambdaRuntime(name))) {
                winner = "the Lambda runtime";
                winnerOrder = -1;
                shadowed = holders;
              } else if (java.jdkAnswersByPackage()
                  ? jdkPackage.computeIfAbsent(pkg, p -> java.isJdkClass(name))
                  : java.isJdkClass(name)) {
                winner = "the JDK";
                winnerOrder = -2;
                shadowed = holders;
              } else if (holders.size() > 1) {
                winner = holders.get(0).toString();
                winnerOrder = order.get(holders.get(0));
                shadowed = holders.subList(1, holders.size());
              } else {
                return;
              }
              String className = dotted(name);
              if (settings.allowedDuplicates().stream().anyMatch(p -> p.matches(className))) {
                return;
              }
              groups
                  .computeIfAbsent(
                      new Key(winner, winnerOrder, List.copyOf(shadowed)), k -> new ArrayList<>())
                  .add(className);
            });
    return groups.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<Key, List<String>> e) -> e.getKey().winnerOrder())
                .thenComparing(e -> e.getKey().shadowed().toString()))
        .map(
            e ->
                new ClassPathReport.Shadowing(
                    e.getKey().winner(),
                    e.getKey().shadowed(),
                    e.getValue().stream().sorted().toList()))
        .toList();
  }

  private List<ClassPathReport.VersionConflict> versionConflicts() {
    Map<String, List<ClassPathEntry>> byLibrary = new TreeMap<>();
    for (ClassPathEntry entry : classPath.entries()) {
      if (entry.coordinates() != null) {
        byLibrary
            .computeIfAbsent(
                entry.coordinates().key()
                    + (entry.coordinates().classifier().isEmpty()
                        ? ""
                        : ":" + entry.coordinates().classifier()),
                k -> new ArrayList<>())
            .add(entry);
      }
    }
    List<ClassPathReport.VersionConflict> conflicts = new ArrayList<>();
    byLibrary.forEach(
        (library, jars) -> {
          if (jars.stream().map(j -> j.coordinates().version()).distinct().count() > 1) {
            conflicts.add(new ClassPathReport.VersionConflict(library, jars));
          }
        });
    return conflicts;
  }

  // ---- the handler ------------------------------------------------------------------------

  /** Why Lambda could not call the handler, following its own rules; null when it can. */
  private String handlerProblem(String handler) {
    if (!HANDLER.matcher(handler).matches()) {
      return "not a Java handler: write package.Class::method or package.Class (a class"
          + " implementing RequestHandler or RequestStreamHandler)";
    }
    String className =
        handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    String internal = className.replace('.', '/');
    ClassFile type = load(internal);
    if (type == null && malformed.containsKey(internal)) {
      return "class " + className + " is not a valid class file (see the malformed class below)";
    }
    if (type == null) {
      return "class "
          + className
          + " is not in the function zip nor in any layer (ClassNotFoundException in Lambda)"
          + suggestion(className);
    }
    if (type.isInterface() || type.isAbstract()) {
      return "class " + className + " is abstract or an interface: Lambda cannot create it";
    }
    if (!handler.contains("::")) {
      if (!isA(type, Set.of(REQUEST_HANDLER, REQUEST_STREAM_HANDLER))) {
        return "class "
            + className
            + " implements neither RequestHandler nor RequestStreamHandler (com.amazonaws"
            + ".services.lambda.runtime): implement one of them, or name the method to call"
            + " as "
            + className
            + "::methodName";
      }
      return publicNoArgConstructor(type)
          ? null
          : "class " + className + " has no public constructor without parameters";
    }
    String methodName = handler.substring(handler.indexOf("::") + 2);
    List<ClassFile.Method> named = new ArrayList<>();
    for (ClassFile c : hierarchy(type)) {
      methods(c).stream()
          .filter(m -> m.name().equals(methodName) && (m.access() & Opcodes.ACC_PUBLIC) != 0)
          .forEach(named::add);
    }
    if (named.isEmpty()) {
      return "class "
          + className
          + " has no public method named '"
          + methodName
          + "'"
          + publicMethods(type);
    }
    List<ClassFile.Method> callable =
        named.stream().filter(ClassPathCheck::lambdaCallable).toList();
    if (callable.isEmpty()) {
      return "no public method "
          + methodName
          + " of "
          + className
          + " has parameters Lambda can pass: (), (event), (event, Context),"
          + " (InputStream, OutputStream) or (InputStream, OutputStream, Context)";
    }
    boolean anyStatic = callable.stream().anyMatch(m -> (m.access() & Opcodes.ACC_STATIC) != 0);
    if (!anyStatic && !publicNoArgConstructor(type)) {
      return "method "
          + methodName
          + " is an instance method, but class "
          + className
          + " has no public constructor without parameters";
    }
    return null;
  }

  private static boolean lambdaCallable(ClassFile.Method m) {
    List<String> p = m.parameters();
    return switch (p.size()) {
      case 0, 1 -> true;
      case 2 ->
          p.get(1).equals(CONTEXT)
              || (p.get(0).equals(INPUT_STREAM) && p.get(1).equals(OUTPUT_STREAM));
      case 3 -> p.equals(List.of(INPUT_STREAM, OUTPUT_STREAM, CONTEXT));
      default -> false;
    };
  }

  private List<ClassFile.Method> methods(ClassFile type) {
    ClassPathEntry entry = classPath.find(type.name());
    String sha256 = entry == null ? null : classPath.sha256(entry);
    List<ClassFile.Method> cached = index.methods(sha256, type.name());
    if (cached != null) {
      return cached;
    }
    try {
      List<ClassFile.Method> methods = ClassFile.methods(classPath.read(type.name()));
      index.putMethods(sha256, type.name(), methods);
      return methods;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean publicNoArgConstructor(ClassFile type) {
    return methods(type).stream()
        .anyMatch(
            m ->
                m.name().equals("<init>")
                    && m.parameters().isEmpty()
                    && (m.access() & Opcodes.ACC_PUBLIC) != 0);
  }

  private String publicMethods(ClassFile type) {
    Set<String> names = new java.util.TreeSet<>();
    for (ClassFile c : hierarchy(type)) {
      methods(c).stream()
          .filter(
              m ->
                  (m.access() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC)) == Opcodes.ACC_PUBLIC
                      && !m.name().startsWith("<"))
          .forEach(m -> names.add(m.name()));
    }
    return names.isEmpty() ? "" : " (its public methods: " + String.join(", ", names) + ")";
  }

  /** The class and its supertypes found on the simulated class path (not the JDK's). */
  private List<ClassFile> hierarchy(ClassFile type) {
    List<ClassFile> out = new ArrayList<>();
    Deque<ClassFile> queue = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      ClassFile c = queue.poll();
      if (!seen.add(c.name())) {
        continue;
      }
      out.add(c);
      List<String> supers = new ArrayList<>(c.interfaces());
      if (c.superName() != null) {
        supers.add(0, c.superName());
      }
      for (String s : supers) {
        ClassFile parent = load(s);
        if (parent != null) {
          queue.add(parent);
        }
      }
    }
    return out;
  }

  private boolean isA(ClassFile type, Set<String> targets) {
    for (ClassFile c : hierarchy(type)) {
      if (c.interfaces().stream().anyMatch(targets::contains) || targets.contains(c.superName())) {
        return true;
      }
    }
    return false;
  }

  /** "Did you mean" for a handler class that is not there: the closest class of the function. */
  private String suggestion(String className) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : functionClasses()) {
      int d = distance(className, dotted(name));
      if (d < bestDistance) {
        bestDistance = d;
        best = dotted(name);
      }
    }
    return best != null && bestDistance <= Math.max(3, className.length() / 4)
        ? ". Did you mean " + best + "?"
        : "";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost =
            Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1))
                ? 0
                : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  // ---- reachability -----------------------------------------------------------------------

  private static final class Walk {
    int reachable;
    final List<ClassPathReport.MissingClass> missing = new ArrayList<>();
    final List<ClassPathReport.MissingClass> allowedMissing = new ArrayList<>();
    final List<ClassPathReport.TooNewClass> tooNew = new ArrayList<>();
    final List<ClassPathReport.MissingProvider> missingProviders = new ArrayList<>();
    final Map<String, String> reachedFrom = new LinkedHashMap<>();
    final Deque<String> queue = new ArrayDeque<>();
  }

  /**
   * Breadth-first from the roots, each class once, so every chain reported is a shortest one. The
   * JDK's and the Lambda runtime's classes are not entered: they load fine by construction. Besides
   * the bytecode's references, the walk follows the providers of each service it reaches (as {@code
   * ServiceLoader} would load them) and the classes loaded by a constant name.
   */
  private Walk walk(List<String> roots) {
    Walk walk = new Walk();
    for (String root : roots) {
      walk.reachedFrom.put(root, null);
      walk.queue.add(root);
      followServices(walk, root);
    }
    int maxMajor = runtime == null ? Integer.MAX_VALUE : feature + 44;
    while (!walk.queue.isEmpty()) {
      String name = walk.queue.poll();
      ClassFile type = load(name);
      if (type == null) {
        continue; // malformed: reported as such
      }
      walk.reachable++;
      if (type.majorVersion() > maxMajor) {
        walk.tooNew.add(
            new ClassPathReport.TooNewClass(
                dotted(name), classPath.find(name), type.majorVersion() - 44));
      }
      for (String reference : type.references()) {
        if (!walk.reachedFrom.containsKey(reference)) {
          walk.reachedFrom.put(reference, name);
          visit(walk, reference, null, false);
          followServices(walk, reference);
        }
      }
      for (Map.Entry<String, Boolean> loaded : type.reflective().entrySet()) {
        String reference = loaded.getKey();
        if (!walk.reachedFrom.containsKey(reference)) {
          walk.reachedFrom.put(reference, name);
          visit(walk, reference, "Class.forName", loaded.getValue());
          followServices(walk, reference);
        }
      }
    }
    walk.missing.sort(Comparator.comparing(ClassPathReport.MissingClass::className));
    walk.allowedMissing.sort(Comparator.comparing(ClassPathReport.MissingClass::className));
    return walk;
  }

  /** Queues a newly reached class, or reports it missing. */
  private void visit(Walk walk, String reference, String loadedBy, boolean optional) {
    if (java.isLambdaRuntime(reference)) {
      return;
    }
    if (java.isJdkClass(reference)) {
      if (!java.providesJdkClass(reference)) {
        missing(walk, reference, loadedBy, optional);
      }
    } else if (classPath.find(reference) != null) {
      walk.queue.add(reference);
    } else if (!java.providesJdkClass(reference)) {
      missing(walk, reference, loadedBy, optional);
    }
  }

  /**
   * A reached service interface brings in every provider its service files name, as {@code
   * ServiceLoader} instantiates them; a provider that cannot load fails with {@code
   * ServiceConfigurationError}. Each provider is checked to load (present, a valid class file, its
   * supertypes present, not too new), but its code is not walked: providers are where libraries put
   * optional integrations (compression codecs, native TLS, other logging back ends) guarded at run
   * time, and walking them reported such guarded references as missing.
   */
  private void followServices(Walk walk, String reachedClass) {
    List<ClassPathReport.ServiceCopy> copies = services.copies(dotted(reachedClass));
    for (ClassPathReport.ServiceCopy copy : copies) {
      for (String provider : copy.providers()) {
        String internal = provider.replace('.', '/');
        if (walk.reachedFrom.containsKey(internal)) {
          continue;
        }
        walk.reachedFrom.put(internal, reachedClass);
        if (java.isLambdaRuntime(internal) || java.providesJdkClass(internal)) {
          continue;
        }
        if (classPath.find(internal) != null) {
          checkLoads(walk, internal);
        } else {
          walk.missingProviders.add(
              new ClassPathReport.MissingProvider(
                  dotted(reachedClass), provider, copy.entry(), chain(walk, internal)));
        }
      }
    }
  }

  /** The class and its supertypes can be defined: present, valid, not too new. */
  private void checkLoads(Walk walk, String name) {
    ClassFile type = load(name);
    if (type == null) {
      return; // malformed: reported as such
    }
    int maxMajor = runtime == null ? Integer.MAX_VALUE : feature + 44;
    if (type.majorVersion() > maxMajor) {
      walk.tooNew.add(
          new ClassPathReport.TooNewClass(
              dotted(name), classPath.find(name), type.majorVersion() - 44));
    }
    List<String> supers = new ArrayList<>(type.interfaces());
    if (type.superName() != null) {
      supers.add(0, type.superName());
    }
    for (String parent : supers) {
      if (walk.reachedFrom.containsKey(parent)) {
        continue;
      }
      walk.reachedFrom.put(parent, name);
      if (java.isLambdaRuntime(parent)) {
        continue;
      }
      if (classPath.find(parent) != null) {
        checkLoads(walk, parent);
      } else if (!java.providesJdkClass(parent)) {
        missing(walk, parent, null, false);
      }
    }
  }

  private List<String> chain(Walk walk, String reference) {
    List<String> chain = new ArrayList<>();
    for (String at = reference; at != null; at = walk.reachedFrom.get(at)) {
      chain.add(0, dotted(at));
    }
    return chain;
  }

  private void missing(Walk walk, String reference, String loadedBy, boolean optional) {
    ClassPathReport.MissingClass found =
        new ClassPathReport.MissingClass(dotted(reference), chain(walk, reference), null, loadedBy);
    boolean allowed =
        optional
            || settings.allowedMissing().stream().anyMatch(p -> p.matches(found.className()))
            || KnownOptional.covers(found.className());
    (allowed ? walk.allowedMissing : walk.missing).add(found);
  }

  /**
   * Marks each missing class that a library of Maven's runtime class path has although the zips
   * leave it out: the advice is then about the placement, not about scopes. The left-out jars are
   * only opened when a class is missing.
   */
  private static void blamePlacement(Walk walk, List<ClassPathInput.LeftOut> leftOut)
      throws IOException {
    if (walk.missing.isEmpty() || leftOut.isEmpty()) {
      return;
    }
    Map<String, ClassPathInput.LeftOut> holders = new HashMap<>();
    for (ClassPathInput.LeftOut library : leftOut) {
      try (ZipFile jar = new ZipFile(library.jar().toFile())) {
        jar.stream()
            .map(ZipEntry::getName)
            .filter(n -> n.endsWith(".class"))
            .forEach(n -> holders.putIfAbsent(dotted(n.substring(0, n.length() - 6)), library));
      }
    }
    walk.missing.replaceAll(
        m ->
            holders.containsKey(m.className())
                ? new ClassPathReport.MissingClass(
                    m.className(), m.chain(), holders.get(m.className()), m.loadedBy())
                : m);
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** The classes at the function zip's root ({@code /var/task}) that win there. */
  private List<String> functionClasses() {
    return classPath.classes().entrySet().stream()
        .filter(e -> e.getValue().get(0).location().equals("/var/task"))
        .map(Map.Entry::getKey)
        .sorted()
        .collect(Collectors.toList());
  }

  /** The parsed class; null when nothing carries it or its class file is malformed. */
  private ClassFile load(String internalName) {
    if (malformed.containsKey(internalName)) {
      return null;
    }
    ClassFile type = parsed.get(internalName);
    if (type == null) {
      ClassPathEntry entry = classPath.find(internalName);
      String sha256 = entry == null ? null : classPath.sha256(entry);
      type = index.get(sha256, internalName);
      if (type != null) {
        parsed.put(internalName, type);
        return type;
      }
      try {
        byte[] bytes = classPath.read(internalName);
        if (bytes == null) {
          return null;
        }
        type = ClassFile.parse(bytes);
        index.put(sha256, type);
        if (entry.location().equals("/var/task")) {
          // The handler is one of the function's few own classes: keep their methods too, so a
          // later check with a handler set needs no parsing either.
          index.putMethods(sha256, internalName, ClassFile.methods(bytes));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        // The JVM would refuse it with a ClassFormatError at cold start: a finding, not a crash.
        malformed.put(
            internalName,
            new ClassPathReport.MalformedClass(
                dotted(internalName), classPath.find(internalName), String.valueOf(e)));
        return null;
      }
      parsed.put(internalName, type);
    }
    return type;
  }

  /**
   * Keeping the index is an optimisation: a file that cannot be written costs time, not the check.
   */
  private void saveIndex() {
    try {
      index.save();
    } catch (IOException e) {
      // Next build parses those jars again.
    }
  }

  private static String internalName(String handler) {
    String className =
        handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    return className.replace('.', '/');
  }

  private static String dotted(String internalName) {
    return internalName.replace('/', '.');
  }
}
