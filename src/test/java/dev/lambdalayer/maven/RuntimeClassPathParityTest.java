package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.ModuleLibraries;
import dev.lambdalayer.core.model.ResolvedArtifact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.impl.DefaultServiceLocator;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.util.filter.ScopeDependencyFilter;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random dependency graphs: the plugin's runtime class path is the one Maven's own code computes.
 *
 * <p>Each random graph is written as a real repository (POMs and tiny jars) to a temporary
 * directory; a real Maven Resolver, set up as Maven sets it up, collects and resolves it, and the
 * test takes the reference from Maven's own {@code RepositoryUtils.toArtifacts} with the scope
 * filter of {@code requiresDependencyResolution = runtime}. The plugin's walk ({@link
 * RuntimeClassPathNodes}), its reactor-mode collection ({@link
 * RuntimeGraphResolver#collectLibraries}) and its packaging input ({@link
 * RuntimeGraphResolver#resolve}) must all agree with it.
 *
 * <p>Every run generates {@value #GRAPHS} graphs from one seed: {@code -Dparity.seed=N} when given,
 * else a fresh random one, printed at the start. Graph {@code i} comes from {@code seed + i} alone
 * ({@link #generate}). When a graph disagrees with Maven, the failure states the seed, the graph's
 * index and the graph itself; {@code ./mvnw -o test -Dtest=RuntimeClassPathParityTest
 * -Dparity.seed=N} generates the same graphs again and fails on the same one. There is no
 * shrinking: the printed graph is the whole random one.
 */
class RuntimeClassPathParityTest {

  /** The classifier of the second jar each library version has. */
  private static final String NATIVES = "natives";

  /**
   * The scopes that {@code LifecycleDependencyResolver#negate} excludes for {@code
   * MojoExecutor#toScopes("runtime")} ({@code compile} and {@code runtime}).
   */
  private static final List<String> NOT_RUNTIME = List.of("system", "provided", "test");

  private static final String ROOT_GROUP = "org.root";
  private static final String ROOT_ARTIFACT = "app";
  private static final String ROOT_VERSION = "1.0";

  private static RepositorySystem repositorySystem;
  private static ModelBuilder modelBuilder;
  private static Path temp;

  @BeforeAll
  @SuppressWarnings("deprecation") // The service locator needs no DI container and starts fast.
  static void startResolver() throws IOException {
    DefaultServiceLocator locator = MavenRepositorySystemUtils.newServiceLocator();
    locator.setErrorHandler(
        new DefaultServiceLocator.ErrorHandler() {
          @Override
          public void serviceCreationFailed(Class<?> type, Class<?> impl, Throwable exception) {
            throw new IllegalStateException("Cannot create " + impl, exception);
          }
        });
    repositorySystem = locator.getService(RepositorySystem.class);
    modelBuilder = new DefaultModelBuilderFactory().newInstance();
    // Writing and deleting thousands of small files is most of the cost: use memory where we can.
    Path shm = Path.of("/dev/shm");
    temp =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "runtime-class-path-parity")
            : Files.createTempDirectory("runtime-class-path-parity");
  }

  @AfterAll
  static void deleteTemp() {
    delete(temp);
  }

  // ---------------------------------------------------------------------------------------------
  // The random graphs

  /** How many random graphs each run checks. */
  static final int GRAPHS = 300;

  @Test
  void theRuntimeClassPathIsMavensOnRandomGraphs() throws Exception {
    String property = System.getProperty("parity.seed");
    long seed =
        property == null || property.isBlank()
            ? ThreadLocalRandom.current().nextLong()
            : Long.parseLong(property.trim());
    String rerun = "./mvnw -o test -Dtest=RuntimeClassPathParityTest -Dparity.seed=" + seed;
    System.out.println("RuntimeClassPathParityTest: seed " + seed + " (rerun: " + rerun + ")");

    // Tells whether the generator makes the shapes that matter often enough (checked below).
    int oldWalkDisagrees = 0;
    int cycles = 0;
    Map<String, Integer> sizes = new TreeMap<>();
    for (int i = 0; i < GRAPHS; i++) {
      Graph graph = generate(seed + i);
      Resolution maven = null;
      try {
        maven = resolve(graph);
        if (!prunedWalk(maven.root).equals(ids(maven.runtime))) {
          oldWalkDisagrees++;
        }
        if (!maven.collected.getCycles().isEmpty()) {
          cycles++;
        }
        int size = maven.runtime.size();
        sizes.merge(size < 5 ? "<5" : size < 15 ? "5-14" : ">=15", 1, Integer::sum);

        assertSameAsMaven(maven);
      } catch (Exception | Error e) {
        throw new AssertionError(
            "Random graph "
                + i
                + " of seed "
                + seed
                + " disagrees with Maven (graph i comes from seed + i). Rerun with: "
                + rerun
                + "\nThe graph:"
                + graph
                + "\nThe disagreement: "
                + e,
            e);
      } finally {
        if (maven != null) {
          delete(maven.dir);
        }
      }
    }

    System.out.printf(
        "RuntimeClassPathParityTest: seed %d, %d graphs: old walk (stops at test/provided)"
            + " disagrees in %d, dependency cycle in %d, runtime class path sizes %s%n",
        seed, GRAPHS, oldWalkDisagrees, cycles, sizes);
    String coverage = "of " + GRAPHS + " graphs of seed " + seed + " (rerun: " + rerun + ")";
    assertThat(oldWalkDisagrees * 100.0 / GRAPHS)
        .as("percentage on which the old walk (stops at test/provided) disagrees, " + coverage)
        .isGreaterThanOrEqualTo(8);
    assertThat(cycles * 100.0 / GRAPHS)
        .as("percentage with a dependency cycle, " + coverage)
        .isGreaterThanOrEqualTo(10);
  }

  /** Every check of the plugin against Maven's reference for one resolved graph. */
  private static void assertSameAsMaven(Resolution maven) throws Exception {
    List<String> expectedJars = ids(jars(maven.runtime));

    assertWalkMatches(RuntimeClassPathParityTest::pluginWalk, maven);

    MavenSession session = session(maven);
    RuntimeGraphResolver resolver = new RuntimeGraphResolver(repositorySystem);
    ModuleLibraries libraries = resolver.collectLibraries(session, maven.project);
    assertThat(libraries.libraries().stream().map(RuntimeClassPathParityTest::id))
        .as("RuntimeGraphResolver.collectLibraries (the reactor mode)")
        .containsExactlyElementsOf(expectedJars);
    assertThat(libraries.volatileLibraries()).isEmpty();

    // Under requiresDependencyResolution = runtime alone, and after a test resolution (surefire
    // runs before package): MavenProject#getArtifacts() then holds provided and test ones too.
    for (Set<Artifact> fed : List.of(maven.runtime, maven.all)) {
      maven.project.setArtifacts(fed);
      List<String> warnings = new ArrayList<>();
      DependencyGraph graph =
          resolver.resolve(session, maven.project, FileDigestCache.load(null), warnings::add);
      String as = "RuntimeGraphResolver.resolve fed with " + ids(fed);
      assertThat(id(graph.project())).isEqualTo(ROOT_GROUP + ":" + ROOT_ARTIFACT + "::jar:1.0");
      assertThat(graph.artifacts().stream().map(a -> id(a.coordinates())))
          .as(as)
          .containsExactlyElementsOf(expectedJars);
      List<Artifact> jars = jars(maven.runtime);
      for (int i = 0; i < jars.size(); i++) {
        Artifact artifact = jars.get(i);
        ResolvedArtifact resolved = graph.artifacts().get(i);
        assertThat(resolved.file()).as(as).isEqualTo(artifact.getFile().toPath());
        assertThat(resolved.scope()).as(as).isEqualTo(artifact.getScope());
        assertThat(resolved.via().stream().map(RuntimeClassPathParityTest::gavc))
            .as(as + ": the path to " + id(artifact))
            .containsExactlyElementsOf(via(artifact.getDependencyTrail()));
      }
      assertThat(warnings).as(as).isEmpty();
    }
  }

  /** Asserts that {@code walk} lists Maven's runtime class path, in Maven's order. */
  private static void assertWalkMatches(
      Function<DependencyNode, List<String>> walk, Resolution maven) {
    assertThat(walk.apply(maven.root))
        .as("walk of the collected graph against Maven's RepositoryUtils.toArtifacts")
        .containsExactlyElementsOf(ids(maven.runtime));
  }

  /** The plugin's walk, as the reactor mode uses it (it dedups coordinates, too). */
  private static List<String> pluginWalk(DependencyNode root) {
    return RuntimeClassPathNodes.of(root).stream()
        .map(n -> id(n.getArtifact()))
        .distinct()
        .toList();
  }

  /**
   * The walk of the plugin before it walked below test/provided nodes (RuntimeGraphResolver's
   * {@code collect} and {@code libraries} before commit 50265ba): deliberately wrong.
   */
  private static List<String> prunedWalk(DependencyNode root) {
    Set<String> out = new LinkedHashSet<>();
    pruned(root, out);
    return List.copyOf(out);
  }

  private static void pruned(DependencyNode node, Set<String> out) {
    for (DependencyNode child : node.getChildren()) {
      if (RuntimeClassPathNodes.onRuntimeClassPath(child) && out.add(id(child.getArtifact()))) {
        pruned(child, out);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The named shapes, by hand. Libraries of even index are in org.even, of odd index in org.odd.

  private static final int A = 0;
  private static final int B = 1;
  private static final int C = 2;
  private static final int D = 3;
  private static final int E = 4;
  private static final int F = 5;

  /** root -test-> A -> C:1.0, root -> B -> D -> C:2.0: C:1.0 is nearest, and compile wins. */
  private static Graph widenedUnder(String scope) {
    return Graph.of(4)
        .root(dep(A).scope(scope), dep(B))
        .pom(A, "1.0", dep(C).v("1.0"))
        .pom(B, "1.0", dep(D))
        .pom(D, "1.0", dep(C).v("2.0"));
  }

  @Test
  void scopeWidenedUnderATestDependency() throws Exception {
    assertThat(runtimeClassPath(widenedUnder("test")))
        .containsExactly(lib(C, "1.0"), lib(B, "1.0"), lib(D, "1.0"));
  }

  @Test
  void scopeWidenedUnderAProvidedDependency() throws Exception {
    assertThat(runtimeClassPath(widenedUnder("provided")))
        .containsExactly(lib(C, "1.0"), lib(B, "1.0"), lib(D, "1.0"));
  }

  @Test
  void scopeWidenedTwoLevelsBelowATestDependency() throws Exception {
    Graph graph =
        Graph.of(6)
            .root(dep(A).scope("test"), dep(D))
            .pom(A, "1.0", dep(B))
            .pom(B, "1.0", dep(C).v("1.0"))
            .pom(D, "1.0", dep(E))
            .pom(E, "1.0", dep(F))
            .pom(F, "1.0", dep(C).v("2.0"));
    // B is only below the test dependency; C, nearer there, takes compile from the other path.
    assertThat(runtimeClassPath(graph))
        .containsExactly(lib(C, "1.0"), lib(D, "1.0"), lib(E, "1.0"), lib(F, "1.0"));
  }

  @Test
  void optionalDirectDependencyIsOnTheClassPathWithItsDependencies() throws Exception {
    Graph graph = Graph.of(2).root(dep(A).asOptional()).pom(A, "1.0", dep(B));
    assertThat(runtimeClassPath(graph)).containsExactly(lib(A, "1.0"), lib(B, "1.0"));
  }

  @Test
  void optionalTransitiveDependencyIsLeftOutUnlessReachedOtherwise() throws Exception {
    Graph onlyOptional =
        Graph.of(3).root(dep(A)).pom(A, "1.0", dep(B).asOptional()).pom(B, "1.0", dep(C));
    assertThat(runtimeClassPath(onlyOptional)).containsExactly(lib(A, "1.0"));

    Graph alsoRequired =
        Graph.of(4).root(dep(A), dep(D)).pom(A, "1.0", dep(B).asOptional()).pom(D, "1.0", dep(B));
    assertThat(runtimeClassPath(alsoRequired))
        .containsExactly(lib(A, "1.0"), lib(D, "1.0"), lib(B, "1.0"));
  }

  @Test
  void exclusionsExactAndWildcard() throws Exception {
    Graph graph =
        Graph.of(6)
            .root(
                dep(A).excluding("org.odd", "*"),
                dep(E).excluding("*", "*"),
                dep(F).excluding("*", "lib2"))
            .pom(A, "1.0", dep(B), dep(C))
            .pom(C, "1.0", dep(D))
            .pom(E, "1.0", dep(B), dep(D))
            .pom(F, "1.0", dep(C), dep(B));
    assertThat(runtimeClassPath(graph))
        .containsExactly(lib(A, "1.0"), lib(C, "1.0"), lib(E, "1.0"), lib(F, "1.0"), lib(B, "1.0"));
  }

  @Test
  void dependencyManagementOverridesVersionAndScope() throws Exception {
    Graph graph =
        Graph.of(5)
            .manage(
                dep(B).v("2.0").scope("provided"),
                dep(C).v("2.0").scope("test"),
                dep(D).v("1.0").scope("runtime"),
                dep(E).v("3.0").scope("test"))
            // B takes version and scope from the management; E states its scope, which wins.
            .root(dep(A), dep(B).versionless(), dep(E).versionless().scope("compile"))
            .pom(A, "1.0", dep(C).v("1.0"), dep(D).v("3.0"));
    Resolution maven = resolve(graph);
    try {
      assertSameAsMaven(maven);
      assertThat(ids(maven.runtime)).containsExactly(lib(A, "1.0"), lib(D, "1.0"), lib(E, "3.0"));
      assertThat(maven.runtime.stream().map(Artifact::getScope))
          .containsExactly("compile", "runtime", "compile");
    } finally {
      delete(maven.dir);
    }
  }

  @Test
  void dependencyCycle() throws Exception {
    Graph graph =
        Graph.of(3)
            .root(dep(A))
            .pom(A, "1.0", dep(B))
            .pom(B, "1.0", dep(A).v("2.0"), dep(C))
            .pom(C, "1.0", dep(B).v("2.0"));
    Resolution maven = resolve(graph);
    try {
      assertThat(maven.collected.getCycles()).isNotEmpty();
      assertSameAsMaven(maven);
      assertThat(ids(maven.runtime)).containsExactly(lib(A, "1.0"), lib(B, "1.0"), lib(C, "1.0"));
    } finally {
      delete(maven.dir);
    }
  }

  @Test
  void pomTypeDependencyContributesItsDependenciesOnly() throws Exception {
    Graph graph = Graph.of(2).pomPackaged(A).root(dep(A)).pom(A, "1.0", dep(B));
    // Maven lists the pom itself; the check drops it from the plugin's libraries.
    assertThat(runtimeClassPath(graph)).containsExactly("org.even:lib0::pom:1.0", lib(B, "1.0"));
  }

  @Test
  void classifiedJarIsALibraryOfItsOwn() throws Exception {
    Graph graph = Graph.of(1).root(dep(A), dep(A).withNatives().v("2.0"));
    assertThat(runtimeClassPath(graph))
        .containsExactly(lib(A, "1.0"), "org.even:lib0:" + NATIVES + ":jar:2.0");
  }

  /** The check is not vacuous: the walk that stopped at test/provided nodes fails it. */
  @Test
  void theOldWalkFailsTheCheckOnTheWidenedShape() throws Exception {
    Resolution maven = resolve(widenedUnder("test"));
    try {
      assertThat(prunedWalk(maven.root)).containsExactly(lib(B, "1.0"), lib(D, "1.0"));
      assertThatThrownBy(() -> assertWalkMatches(RuntimeClassPathParityTest::prunedWalk, maven))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(lib(C, "1.0"));
    } finally {
      delete(maven.dir);
    }
  }

  /** ... and so it does on graphs from the generator, some of 25 of a fixed seed. */
  @Test
  void theOldWalkFailsTheCheckOnSomeOfTheFirstGeneratedGraphs() throws Exception {
    int failed = 0;
    for (int i = 0; i < 25; i++) {
      Resolution maven = resolve(generate(20261202L + i));
      try {
        assertSameAsMaven(maven);
        try {
          assertWalkMatches(RuntimeClassPathParityTest::prunedWalk, maven);
        } catch (AssertionError expected) {
          failed++;
        }
      } finally {
        delete(maven.dir);
      }
    }
    assertThat(failed).as("graphs of 25 on which the old walk fails").isGreaterThanOrEqualTo(2);
  }

  /** Checks {@code graph} against Maven and returns Maven's runtime class path. */
  private static List<String> runtimeClassPath(Graph graph) throws Exception {
    Resolution maven = resolve(graph);
    try {
      assertSameAsMaven(maven);
      return ids(maven.runtime);
    } finally {
      delete(maven.dir);
    }
  }

  private static String lib(int lib, String version) {
    return (lib % 2 == 0 ? "org.even" : "org.odd") + ":lib" + lib + "::jar:" + version;
  }

  // ---------------------------------------------------------------------------------------------
  // The generator

  /**
   * Up to this many libraries; {@code n} of them are used. No {@code system} scope: it needs a file
   * outside any repository, and the plugin only warns about it.
   */
  private static final int MAX_LIBS = 25;

  /**
   * A random graph, all of it drawn from {@code seed} (graph {@code i} of a run is {@code
   * generate(seed + i)}). Library indices are drawn up to {@link #MAX_LIBS} and taken modulo the
   * graph's {@code n} ({@link Graph#generated}).
   */
  static Graph generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = random.nextInt(5, MAX_LIBS + 1);
    List<Integer> versionCounts = new ArrayList<>();
    List<Boolean> pomPackaged = new ArrayList<>();
    for (int i = 0; i < MAX_LIBS; i++) {
      versionCounts.add(frequency(random, Map.entry(40, 1), Map.entry(35, 2), Map.entry(25, 3)));
      pomPackaged.add(weighted(random, 10));
    }
    List<RawDep> edges = uniform(random, 10, 90, () -> edge(random));
    List<RawDep> direct = uniform(random, 1, 6, () -> direct(random));
    List<RawManaged> managed = uniform(random, 0, 4, () -> managed(random));
    return Graph.generated(n, versionCounts, pomPackaged, edges, direct, managed);
  }

  /** A dependency of one library version on another. */
  private static RawDep edge(SplittableRandom random) {
    return new RawDep(
        index(random),
        version(random),
        index(random),
        version(random),
        scope(random, 45, 20, 15, 10, 10),
        new Flags(weighted(random, 12), weighted(random, 10), weighted(random, 10), false),
        exclusions(random));
  }

  /** A dependency of the root project. */
  private static RawDep direct(SplittableRandom random) {
    return new RawDep(
        0,
        0,
        index(random),
        version(random),
        scope(random, 35, 15, 10, 15, 25),
        new Flags(weighted(random, 10), weighted(random, 10), false, weighted(random, 30)),
        exclusions(random));
  }

  /** An entry of the root project's dependency management. */
  private static RawManaged managed(SplittableRandom random) {
    return new RawManaged(
        index(random),
        version(random),
        frequency(
            random,
            Map.entry(50, ""),
            Map.entry(10, "compile"),
            Map.entry(15, "runtime"),
            Map.entry(10, "provided"),
            Map.entry(15, "test")),
        weighted(random, 10),
        exclusions(random));
  }

  /** None mostly; else one or two, a wildcard in 40% of them. */
  private static List<RawExclusion> exclusions(SplittableRandom random) {
    if (!weighted(random, 15)) {
      return List.of();
    }
    return uniform(
        random,
        1,
        2,
        () ->
            new RawExclusion(
                index(random),
                frequency(
                    random,
                    Map.entry(60, ExclusionKind.EXACT),
                    Map.entry(15, ExclusionKind.ANY_GROUP),
                    Map.entry(15, ExclusionKind.ANY_ARTIFACT),
                    Map.entry(10, ExclusionKind.ALL))));
  }

  private static int index(SplittableRandom random) {
    return random.nextInt(MAX_LIBS);
  }

  private static int version(SplittableRandom random) {
    return random.nextInt(3);
  }

  /** Between {@code min} and {@code max} elements, every size as likely. */
  private static <T> List<T> uniform(
      SplittableRandom random, int min, int max, Supplier<T> element) {
    int size = random.nextInt(min, max + 1);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.get());
    }
    return out;
  }

  /** {@code true} with the given percentage. */
  private static boolean weighted(SplittableRandom random, int percent) {
    return random.nextInt(100) < percent;
  }

  /** One of the values, each as likely as its weight (the entry's key) says. */
  @SafeVarargs
  private static <T> T frequency(SplittableRandom random, Map.Entry<Integer, T>... weighted) {
    int total = Stream.of(weighted).mapToInt(Map.Entry::getKey).sum();
    int pick = random.nextInt(total);
    for (Map.Entry<Integer, T> choice : weighted) {
      pick -= choice.getKey();
      if (pick < 0) {
        return choice.getValue();
      }
    }
    throw new AssertionError("unreachable");
  }

  /** A scope, or {@code ""} for none written (Maven's compile, or the managed scope). */
  private static String scope(
      SplittableRandom random, int compile, int none, int runtime, int provided, int test) {
    return frequency(
        random,
        Map.entry(compile, "compile"),
        Map.entry(none, ""),
        Map.entry(runtime, "runtime"),
        Map.entry(provided, "provided"),
        Map.entry(test, "test"));
  }

  enum ExclusionKind {
    EXACT,
    ANY_GROUP,
    ANY_ARTIFACT,
    ALL
  }

  record RawExclusion(int lib, ExclusionKind kind) {}

  record Flags(boolean optional, boolean natives, boolean backEdge, boolean versionless) {}

  record RawDep(
      int from,
      int fromVersion,
      int to,
      int toVersion,
      String scope,
      Flags flags,
      List<RawExclusion> exclusions) {}

  record RawManaged(
      int lib, int version, String scope, boolean natives, List<RawExclusion> exclusions) {}

  /** One library: two groups, so that {@code group:*} exclusions mean something. */
  record Lib(int index, int versions, boolean pomPackaged) {

    String groupId() {
      return index % 2 == 0 ? "org.even" : "org.odd";
    }

    String artifactId() {
      return "lib" + index;
    }

    static String version(int i) {
      return (i + 1) + ".0";
    }
  }

  /**
   * A dependency on library {@code target}; {@code version} is null when it comes from the root's
   * dependency management, {@code scope} null when none is written.
   */
  record Dep(
      int target,
      String version,
      boolean natives,
      String scope,
      boolean optional,
      List<String> exclusions) {

    Dep v(String version) {
      return new Dep(target, version, natives, scope, optional, exclusions);
    }

    Dep scope(String scope) {
      return new Dep(target, version, natives, scope, optional, exclusions);
    }

    Dep asOptional() {
      return new Dep(target, version, natives, scope, true, exclusions);
    }

    Dep withNatives() {
      return new Dep(target, version, true, scope, optional, exclusions);
    }

    Dep versionless() {
      return v(null);
    }

    Dep excluding(String groupId, String artifactId) {
      List<String> more = new ArrayList<>(exclusions);
      more.add(groupId + ":" + artifactId);
      return new Dep(target, version, natives, scope, optional, more);
    }

    String key() {
      return target + (natives ? ":" + NATIVES : "");
    }

    @Override
    public String toString() {
      return "lib"
          + target
          + (natives ? ":" + NATIVES : "")
          + ":"
          + (version == null ? "(managed)" : version)
          + (scope == null ? "" : " " + scope)
          + (optional ? " optional" : "")
          + (exclusions.isEmpty() ? "" : " excluding " + exclusions);
    }
  }

  static Dep dep(int target) {
    return new Dep(target, "1.0", false, null, false, List.of());
  }

  /** A graph of POMs: the root project's and those of every version of every library. */
  static final class Graph {

    final List<Lib> libs = new ArrayList<>();

    /** {@code index:version} to the dependencies of that POM. */
    final Map<String, List<Dep>> poms = new LinkedHashMap<>();

    final List<Dep> root = new ArrayList<>();
    final List<Dep> managed = new ArrayList<>();

    /** {@code n} jar libraries of three versions each, with no dependencies yet. */
    static Graph of(int n) {
      Graph graph = new Graph();
      for (int i = 0; i < n; i++) {
        graph.libs.add(new Lib(i, 3, false));
      }
      return graph;
    }

    Graph pomPackaged(int lib) {
      libs.set(lib, new Lib(lib, libs.get(lib).versions(), true));
      return this;
    }

    Graph pom(int lib, String version, Dep... deps) {
      for (Dep dep : deps) {
        add(poms.computeIfAbsent(lib + ":" + version, k -> new ArrayList<>()), dep);
      }
      return this;
    }

    Graph root(Dep... deps) {
      for (Dep dep : deps) {
        add(root, dep);
      }
      return this;
    }

    Graph manage(Dep... deps) {
      for (Dep dep : deps) {
        add(managed, dep);
      }
      return this;
    }

    /** Keeps a POM valid: one dependency per key, no classifier on a pom-type dependency. */
    private boolean add(List<Dep> deps, Dep dep) {
      if (dep.natives() && libs.get(dep.target()).pomPackaged()) {
        dep =
            new Dep(
                dep.target(), dep.version(), false, dep.scope(), dep.optional(), dep.exclusions());
      }
      String key = dep.key();
      if (deps.stream().anyMatch(d -> d.key().equals(key))) {
        return false;
      }
      deps.add(dep);
      return true;
    }

    static Graph generated(
        int n,
        List<Integer> versionCounts,
        List<Boolean> pomPackaged,
        List<RawDep> edges,
        List<RawDep> direct,
        List<RawManaged> managed) {
      Graph graph = new Graph();
      for (int i = 0; i < n; i++) {
        graph.libs.add(new Lib(i, versionCounts.get(i), pomPackaged.get(i)));
      }
      for (RawManaged m : managed) {
        Lib lib = graph.libs.get(m.lib() % n);
        graph.add(
            graph.managed,
            new Dep(
                lib.index(),
                Lib.version(m.version() % lib.versions()),
                m.natives(),
                m.scope().isEmpty() ? null : m.scope(),
                false,
                graph.exclusions(m.exclusions())));
      }
      for (RawDep d : direct) {
        Lib lib = graph.libs.get(d.to() % n);
        Dep dep =
            new Dep(
                lib.index(),
                Lib.version(d.toVersion() % lib.versions()),
                d.flags().natives(),
                d.scope().isEmpty() ? null : d.scope(),
                d.flags().optional(),
                graph.exclusions(d.exclusions()));
        // A version may be left out only where the dependency management gives one.
        if (d.flags().versionless()
            && graph.managed.stream().anyMatch(m -> m.key().equals(graph.normalized(dep).key()))) {
          graph.add(graph.root, dep.versionless());
        } else {
          graph.add(graph.root, dep);
        }
      }
      for (RawDep e : edges) {
        int from = e.from() % n;
        int to = e.to() % n;
        if (from == to) {
          continue;
        }
        // Edges go up the index, so the graph is acyclic; a back edge may close a cycle.
        if ((from > to) != e.flags().backEdge()) {
          int swap = from;
          from = to;
          to = swap;
        }
        Lib source = graph.libs.get(from);
        Lib target = graph.libs.get(to);
        graph.pom(
            from,
            Lib.version(e.fromVersion() % source.versions()),
            new Dep(
                to,
                Lib.version(e.toVersion() % target.versions()),
                e.flags().natives(),
                e.scope().isEmpty() ? null : e.scope(),
                e.flags().optional(),
                graph.exclusions(e.exclusions())));
      }
      return graph;
    }

    private Dep normalized(Dep dep) {
      return dep.natives() && libs.get(dep.target()).pomPackaged()
          ? new Dep(
              dep.target(), dep.version(), false, dep.scope(), dep.optional(), dep.exclusions())
          : dep;
    }

    private List<String> exclusions(List<RawExclusion> raw) {
      Set<String> out = new LinkedHashSet<>();
      for (RawExclusion x : raw) {
        Lib lib = libs.get(x.lib() % libs.size());
        out.add(
            switch (x.kind()) {
              case EXACT -> lib.groupId() + ":" + lib.artifactId();
              case ANY_GROUP -> "*:" + lib.artifactId();
              case ANY_ARTIFACT -> lib.groupId() + ":*";
              case ALL -> "*:*";
            });
      }
      return List.copyOf(out);
    }

    /**
     * Writes the POM of every library version that a POM names into {@code repo}. The jars come
     * once the graph is collected ({@link #writeJars}), for its nodes only: files are what costs.
     */
    void writePoms(Path repo) throws IOException {
      Set<String> named = new LinkedHashSet<>(poms.keySet());
      Stream.of(root, managed, poms.values().stream().flatMap(List::stream).toList())
          .flatMap(List::stream)
          .filter(d -> d.version() != null)
          .forEach(d -> named.add(d.target() + ":" + d.version()));
      for (String pom : named) {
        Lib lib = libs.get(Integer.parseInt(pom.substring(0, pom.indexOf(':'))));
        String version = pom.substring(pom.indexOf(':') + 1);
        Path dir =
            repo.resolve(lib.groupId().replace('.', '/'))
                .resolve(lib.artifactId())
                .resolve(version);
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve(lib.artifactId() + "-" + version + ".pom"),
            pomXml(
                lib.groupId(),
                lib.artifactId(),
                version,
                lib.pomPackaged() ? "pom" : "jar",
                poms.getOrDefault(pom, List.of()),
                List.of()));
      }
    }

    String rootPom() {
      return pomXml(ROOT_GROUP, ROOT_ARTIFACT, ROOT_VERSION, "jar", root, managed);
    }

    private String pomXml(
        String groupId,
        String artifactId,
        String version,
        String packaging,
        List<Dep> deps,
        List<Dep> management) {
      StringBuilder xml = new StringBuilder();
      xml.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n")
          .append("  <modelVersion>4.0.0</modelVersion>\n")
          .append("  <groupId>")
          .append(groupId)
          .append("</groupId>\n  <artifactId>")
          .append(artifactId)
          .append("</artifactId>\n  <version>")
          .append(version)
          .append("</version>\n  <packaging>")
          .append(packaging)
          .append("</packaging>\n");
      if (!management.isEmpty()) {
        xml.append("  <dependencyManagement>\n  <dependencies>\n");
        management.forEach(d -> xml.append(dependencyXml(d)));
        xml.append("  </dependencies>\n  </dependencyManagement>\n");
      }
      xml.append("  <dependencies>\n");
      deps.forEach(d -> xml.append(dependencyXml(d)));
      return xml.append("  </dependencies>\n</project>\n").toString();
    }

    private String dependencyXml(Dep dep) {
      Lib lib = libs.get(dep.target());
      StringBuilder xml = new StringBuilder("    <dependency>\n");
      element(xml, "groupId", lib.groupId());
      element(xml, "artifactId", lib.artifactId());
      element(xml, "version", dep.version());
      element(xml, "type", lib.pomPackaged() ? "pom" : null);
      element(xml, "classifier", dep.natives() ? NATIVES : null);
      element(xml, "scope", dep.scope());
      element(xml, "optional", dep.optional() ? "true" : null);
      if (!dep.exclusions().isEmpty()) {
        xml.append("      <exclusions>\n");
        for (String exclusion : dep.exclusions()) {
          String[] ga = exclusion.split(":");
          xml.append("        <exclusion><groupId>")
              .append(ga[0])
              .append("</groupId><artifactId>")
              .append(ga[1])
              .append("</artifactId></exclusion>\n");
        }
        xml.append("      </exclusions>\n");
      }
      return xml.append("    </dependency>\n").toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
      if (value != null) {
        xml.append("      <").append(name).append('>').append(value);
        xml.append("</").append(name).append(">\n");
      }
    }

    /** What a failure prints of the graph. */
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("\n  root -> ").append(root);
      if (!managed.isEmpty()) {
        out.append("\n  dependencyManagement ").append(managed);
      }
      libs.stream()
          .filter(Lib::pomPackaged)
          .forEach(l -> out.append("\n  lib").append(l.index()).append(" is pom-packaged"));
      poms.forEach((pom, deps) -> out.append("\n  lib").append(pom).append(" -> ").append(deps));
      return out.toString();
    }
  }

  /** Writes a jar for every jar-type node of the collected graph (test ones too). */
  private static void writeJars(DefaultRepositorySystemSession session, DependencyNode root)
      throws IOException {
    Path repo = session.getLocalRepository().getBasedir().toPath();
    Set<DependencyNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<DependencyNode> todo = new ArrayDeque<>(root.getChildren());
    while (!todo.isEmpty()) {
      DependencyNode node = todo.pop();
      if (!seen.add(node)) {
        continue;
      }
      todo.addAll(node.getChildren());
      org.eclipse.aether.artifact.Artifact artifact = node.getArtifact();
      Path file =
          repo.resolve(session.getLocalRepositoryManager().getPathForLocalArtifact(artifact));
      if ("jar".equals(artifact.getExtension()) && !Files.exists(file)) {
        Files.write(file, jar(artifact.toString()));
      }
    }
  }

  /** A tiny real jar: a manifest and one entry that names the artifact. */
  private static byte[] jar(String name) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      jar.putNextEntry(new ZipEntry("artifact.txt"));
      jar.write(name.getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------
  // Maven's reference

  /**
   * A graph as Maven resolved it: the collected and resolved tree, and the project's artifacts
   * under {@code requiresDependencyResolution = runtime} and under {@code test}.
   */
  record Resolution(
      Path dir,
      MavenProject project,
      DefaultRepositorySystemSession session,
      CollectResult collected,
      DependencyNode root,
      Set<Artifact> runtime,
      Set<Artifact> all) {}

  /**
   * Does what Maven does for a project: builds its effective model (the dependency management fills
   * the direct dependencies), collects and resolves its graph as {@code
   * DefaultProjectDependenciesResolver} does, and computes the project's artifacts as {@code
   * LifecycleDependencyResolver#getDependencies} does.
   */
  private static Resolution resolve(Graph graph) throws Exception {
    Path dir = Files.createTempDirectory(temp, "graph");
    Path repo = dir.resolve("repository");
    graph.writePoms(repo);
    Path pom = dir.resolve("pom.xml");
    Files.writeString(pom, graph.rootPom());

    DefaultModelBuildingRequest modelRequest = new DefaultModelBuildingRequest();
    modelRequest.setPomFile(pom.toFile());
    modelRequest.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MAVEN_3_0);
    modelRequest.setProcessPlugins(false);
    modelRequest.setSystemProperties(System.getProperties());
    Model model = modelBuilder.build(modelRequest).getEffectiveModel();
    MavenProject project = new MavenProject(model);
    project.setArtifact(
        new DefaultArtifact(
            model.getGroupId(),
            model.getArtifactId(),
            model.getVersion(),
            null,
            "jar",
            null,
            new DefaultArtifactHandler("jar")));

    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setLocalRepositoryManager(
        repositorySystem.newLocalRepositoryManager(session, new LocalRepository(repo.toFile())));
    session.setOffline(true);
    // Maven shares one cache across a build's resolutions; collectLibraries collects again.
    session.setCache(new DefaultRepositoryCache());
    session.setSystemProperties(System.getProperties());
    // Maven ignores broken POMs of dependencies; here one would be a bug of the generator.
    session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));

    ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
    CollectRequest collect = new CollectRequest();
    collect.setRootArtifact(RepositoryUtils.toArtifact(project.getArtifact()));
    collect.setRequestContext("project");
    model
        .getDependencies()
        .forEach(d -> collect.addDependency(RepositoryUtils.toDependency(d, types)));
    if (model.getDependencyManagement() != null) {
      model
          .getDependencyManagement()
          .getDependencies()
          .forEach(d -> collect.addManagedDependency(RepositoryUtils.toDependency(d, types)));
    }
    CollectResult collected = repositorySystem.collectDependencies(session, collect);
    DependencyNode root = collected.getRoot();
    // Resolves the files of every node (test ones too, for the test-resolution variant).
    writeJars(session, root);
    repositorySystem.resolveDependencies(session, new DependencyRequest(root, null));

    List<String> trail = List.of(project.getArtifact().getId());
    Set<Artifact> runtime = new LinkedHashSet<>();
    RepositoryUtils.toArtifacts(
        runtime, root.getChildren(), trail, new ScopeDependencyFilter(null, NOT_RUNTIME));
    Set<Artifact> all = new LinkedHashSet<>();
    RepositoryUtils.toArtifacts(all, root.getChildren(), trail, null);
    return new Resolution(dir, project, session, collected, root, runtime, all);
  }

  /** What {@code RuntimeGraphResolver} reads of the session. */
  private static MavenSession session(Resolution maven) {
    MavenSession session = mock(MavenSession.class);
    when(session.getAllProjects()).thenReturn(List.of(maven.project));
    when(session.getRepositorySession()).thenReturn(maven.session);
    return session;
  }

  private static List<Artifact> jars(Set<Artifact> artifacts) {
    return artifacts.stream().filter(a -> "jar".equals(extension(a))).toList();
  }

  private static List<String> ids(Set<Artifact> artifacts) {
    return artifacts.stream().map(RuntimeClassPathParityTest::id).toList();
  }

  private static List<String> ids(List<Artifact> artifacts) {
    return artifacts.stream().map(RuntimeClassPathParityTest::id).toList();
  }

  private static String extension(Artifact a) {
    return a.getArtifactHandler().getExtension();
  }

  /** {@code groupId:artifactId:classifier:extension:version}. */
  private static String id(Artifact a) {
    String classifier = a.getClassifier() == null ? "" : a.getClassifier();
    return String.join(
        ":", a.getGroupId(), a.getArtifactId(), classifier, extension(a), a.getBaseVersion());
  }

  private static String id(org.eclipse.aether.artifact.Artifact a) {
    return String.join(
        ":",
        a.getGroupId(),
        a.getArtifactId(),
        a.getClassifier(),
        a.getExtension(),
        a.getBaseVersion());
  }

  private static String id(Coordinates c) {
    return String.join(
        ":", c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version());
  }

  private static String gavc(Coordinates c) {
    return String.join(":", c.groupId(), c.artifactId(), c.version(), c.classifier());
  }

  /**
   * The ancestors of Maven's dependency trail ({@code groupId:artifactId:type[:classifier]:version}
   * each, the project first and the artifact last) as {@link #gavc}.
   */
  private static List<String> via(List<String> trail) {
    return trail.subList(1, trail.size() - 1).stream()
        .map(
            id -> {
              String[] p = id.split(":");
              return p.length == 5
                  ? String.join(":", p[0], p[1], p[4], p[3])
                  : String.join(":", p[0], p[1], p[3], "");
            })
        .toList();
  }

  private static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
