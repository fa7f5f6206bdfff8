package dev.lambdalayer.core.plan;

import static dev.lambdalayer.core.model.TestFiles.PROJECT;
import static dev.lambdalayer.core.model.TestFiles.jarArtifact;
import static dev.lambdalayer.core.model.TestFiles.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.lock.LockfileBuilder;
import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.lock.LockfileService;
import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reactor layer as {@link LambdaPackager} puts it in place for one module. */
class ReactorLayerPackagingTest {

  private static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");
  private static final String REACTOR = "reactor-shared";

  @TempDir Path temp;
  private Path repo;
  private Path classes;
  private ResolvedArtifact databind;
  private ResolvedArtifact jacksonCore;
  private ResolvedArtifact guava;
  private ResolvedArtifact slf4j;
  private ResolvedArtifact commons;
  private ResolvedArtifact s3;
  private ResolvedArtifact sdkCore;
  private ResolvedArtifact snapshot;
  private ReactorLayerSelection.LeftOut guavaLeftOut;

  @BeforeEach
  void setUp() throws IOException {
    repo = temp.resolve("repo");
    classes = temp.resolve("classes");
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve("com/example/Handler.class"), "handler");
    String db = "com.fasterxml.jackson.core:jackson-databind:2.18.2";
    String s3Gav = "software.amazon.awssdk:s3:2.30.0";
    databind = jarArtifact(repo, db);
    jacksonCore = jarArtifact(repo, "com.fasterxml.jackson.core:jackson-core:2.18.2", db);
    guava = jarArtifact(repo, "com.google.guava:guava:33.0.0-jre");
    slf4j = jarArtifact(repo, "org.slf4j:slf4j-api:2.0.16");
    commons = jarArtifact(repo, "org.apache.commons:commons-lang3:3.17.0");
    s3 = jarArtifact(repo, s3Gav);
    sdkCore = jarArtifact(repo, "software.amazon.awssdk:sdk-core:2.30.0", s3Gav);
    snapshot = jarArtifact(repo, "org.example:snap:1.0-SNAPSHOT");
    guavaLeftOut =
        new ReactorLayerSelection.LeftOut(
            "com.google.guava:guava",
            Map.of(
                "32.0.0-jre",
                List.of("com.example:orders"),
                "33.0.0-jre",
                List.of("com.example:billing", "com.example:my-function")));
  }

  private static ReactorLayer reactor(ResolvedArtifact... libraries) {
    return new ReactorLayer(REACTOR, 2, 3, List.of(libraries), List.of());
  }

  private PackagingRequest request(
      Coordinates project, List<ResolvedArtifact> graph, List<LayerRule> rules, Path out) {
    return PackagingRequest.builder(new DependencyGraph(project, graph))
        .rules(rules)
        .defaultLayerName(project.artifactId())
        .functionName(project.artifactId())
        .runtimes(List.of("java21"))
        .classesDirectory(classes)
        .outputDirectory(out)
        .timestamp(TIMESTAMP)
        .build();
  }

  private PackagingRequest request(List<ResolvedArtifact> graph, List<LayerRule> rules) {
    return request(PROJECT, graph, rules, temp.resolve("target/lambda"));
  }

  private static LayerRule rule(String name, String... includes) {
    return new LayerRule(
        name,
        Stream.of(includes).map(i -> ArtifactPattern.parse(i, Setting.LAYER_INCLUDES)).toList(),
        List.of(),
        true);
  }

  private static PackagingResult build(PackagingRequest request) throws IOException {
    return new LambdaPackager(
            FileDigestCache.load(request.outputDirectory().resolve(".state/digests.txt")))
        .build(request);
  }

  private static PreparedPackage prepare(PackagingRequest request) throws IOException {
    return new LambdaPackager(FileDigestCache.load(null)).prepare(request);
  }

  private static List<String> entries(Path zip) throws IOException {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      return Collections.list(file.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
    }
  }

  private static List<ResolvedArtifact> everywhere(PackagingResult result) {
    List<ResolvedArtifact> all = new ArrayList<>(result.function().libraries());
    result.layers().forEach(l -> all.addAll(l.libraries()));
    return all;
  }

  private static InvalidConfigurationException invalid(PackagingRequest request) {
    try {
      prepare(request);
    } catch (InvalidConfigurationException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected an InvalidConfigurationException");
  }

  @Test
  void theReactorLayerComesFirstAndHoldsAlsoLibrariesTheModuleDoesNotUse() throws IOException {
    List<ResolvedArtifact> graph = List.of(databind, jacksonCore, s3, sdkCore, snapshot);
    PackagingResult result =
        build(
            request(graph, List.of()).toBuilder()
                .reactorLayer(reactor(databind, jacksonCore, commons, slf4j))
                .build());

    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly(REACTOR, "my-function");
    BuiltZip layer = result.layers().get(0);
    assertThat(layer.libraries()).containsExactly(databind, jacksonCore, commons, slf4j);
    assertThat(layer.zip().file().getFileName().toString())
        .isEqualTo(REACTOR + "-" + layer.shortHash() + ".zip");
    assertThat(entries(layer.zip().file()))
        .containsExactly(
            "java/",
            "java/lib/",
            "java/lib/com.fasterxml.jackson.core-jackson-core-2.18.2.jar",
            "java/lib/com.fasterxml.jackson.core-jackson-databind-2.18.2.jar",
            "java/lib/org.apache.commons-commons-lang3-3.17.0.jar",
            "java/lib/org.slf4j-slf4j-api-2.0.16.jar");
    assertThat(result.layers().get(1).libraries()).containsExactly(s3, sdkCore);
    assertThat(result.function().libraries()).containsExactly(snapshot);
    assertThat(result.plan().layers())
        .extracting(PlannedLayer::name)
        .containsExactly(REACTOR, "my-function");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void theReactorLayersLibrariesLeaveTheFunction() throws IOException {
    // Only an aws layer: without the reactor layer, jackson and guava would go to the function.
    List<ResolvedArtifact> graph = List.of(databind, jacksonCore, guava, s3, sdkCore, snapshot);
    PackagingResult result =
        build(
            request(graph, List.of(rule("aws", "software.amazon.awssdk:*"))).toBuilder()
                .reactorLayer(reactor(databind, jacksonCore))
                .build());

    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly(REACTOR, "aws");
    assertThat(result.layers().get(0).libraries()).containsExactly(databind, jacksonCore);
    assertThat(result.layers().get(1).libraries()).containsExactly(s3, sdkCore);
    assertThat(result.function().libraries()).containsExactly(guava, snapshot);
    assertThat(entries(result.function().zip().file()))
        .noneMatch(e -> e.contains("jackson"))
        .contains("lib/com.google.guava-guava-33.0.0-jre.jar");
  }

  @Test
  void theReactorLayersLibrariesLeaveTheModulesOwnRuleLayers() throws IOException {
    List<ResolvedArtifact> graph = List.of(databind, jacksonCore, guava, s3, sdkCore);
    PackagingResult result =
        build(
            request(
                    graph,
                    List.of(
                        rule("jackson", "com.fasterxml.jackson.*:*"),
                        rule("aws", "software.amazon.awssdk:*"),
                        rule("google", "com.google.*:*")))
                .toBuilder()
                .reactorLayer(reactor(databind, sdkCore))
                .build());

    assertThat(result.layers())
        .extracting(BuiltZip::name)
        .containsExactly(REACTOR, "jackson", "aws", "google");
    assertThat(result.layers().get(0).libraries()).containsExactly(databind, sdkCore);
    assertThat(result.layers().get(1).libraries()).containsExactly(jacksonCore);
    assertThat(result.layers().get(2).libraries()).containsExactly(s3);
    assertThat(result.layers().get(3).libraries()).containsExactly(guava);
    assertThat(result.function().libraries()).isEmpty();
    // Each library is in exactly one zip.
    assertThat(everywhere(result)).doesNotHaveDuplicates().hasSize(graph.size());
  }

  @Test
  void aRuleLayerTheReactorLayerEmptiesIsLeftOutWithItsUsualWarning() throws IOException {
    PackagingResult result =
        build(
            request(
                    List.of(databind, jacksonCore, s3),
                    List.of(
                        rule("jackson", "com.fasterxml.jackson.*:*"),
                        rule("aws", "software.amazon.awssdk:*")))
                .toBuilder()
                .reactorLayer(reactor(databind, jacksonCore))
                .build());
    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly(REACTOR, "aws");
    assertThat(result.warnings())
        .containsExactly(
            "Layer 'jackson' matched no library and is left out:"
                + " com.fasterxml.jackson.core:jackson-core:2.18.2,"
                + " com.fasterxml.jackson.core:jackson-databind:2.18.2 went to the reactor layer"
                + " 'reactor-shared', which takes the libraries the function modules share before"
                + " any rule.");
  }

  @Test
  void twoModulesWithDifferentGraphsWriteTheSameReactorLayerZip() throws IOException {
    ReactorLayer shared = reactor(databind, jacksonCore, slf4j);
    Coordinates orders = Coordinates.of("com.example", "orders", "1.0");
    Coordinates billing = Coordinates.of("com.example", "billing", "1.0");
    PackagingResult a =
        build(
            request(
                    orders,
                    List.of(databind, jacksonCore, guava, snapshot),
                    List.of(),
                    temp.resolve("orders/target/lambda"))
                .toBuilder()
                .reactorLayer(shared)
                .build());
    PackagingResult b =
        build(
            request(
                    billing,
                    List.of(slf4j, s3, sdkCore),
                    List.of(rule("aws", "software.amazon.awssdk:*")),
                    temp.resolve("billing/target/lambda"))
                .toBuilder()
                .reactorLayer(shared)
                .build());

    BuiltZip layerA = a.layers().get(0);
    BuiltZip layerB = b.layers().get(0);
    assertThat(layerA.name()).isEqualTo(REACTOR).isEqualTo(layerB.name());
    assertThat(layerA.zip().file()).isNotEqualTo(layerB.zip().file());
    assertThat(layerA.zip().file().getFileName()).isEqualTo(layerB.zip().file().getFileName());
    assertThat(layerA.zip().sha256()).isEqualTo(layerB.zip().sha256());
    assertThat(Files.readAllBytes(layerA.zip().file()))
        .isEqualTo(Files.readAllBytes(layerB.zip().file()));
    // The modules' own layers do differ.
    assertThat(a.layers().get(1).zip().sha256()).isNotEqualTo(b.layers().get(1).zip().sha256());
    assertThat(a.layers().get(1).libraries()).containsExactly(guava);
    assertThat(b.layers().get(1).libraries()).containsExactly(s3, sdkCore);
  }

  @Test
  void theReactorLayerZipDoesNotDependOnTheOrderOfItsLibraries() throws IOException {
    PackagingResult a =
        build(
            request(PROJECT, List.of(guava), List.of(), temp.resolve("a")).toBuilder()
                .reactorLayer(reactor(databind, jacksonCore, slf4j))
                .build());
    PackagingResult b =
        build(
            request(PROJECT, List.of(guava), List.of(), temp.resolve("b")).toBuilder()
                .reactorLayer(reactor(slf4j, jacksonCore, databind))
                .build());
    assertThat(a.layers().get(0).zip().sha256()).isEqualTo(b.layers().get(0).zip().sha256());
  }

  @Test
  void anEmptyReactorLayerIsOmittedWithAWarning() throws IOException {
    PackagingResult result =
        build(
            request(List.of(databind, guava), List.of()).toBuilder()
                .reactorLayer(new ReactorLayer(REACTOR, 2, 3, List.of(), List.of()))
                .build());
    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly("my-function");
    assertThat(result.layers().get(0).libraries()).containsExactly(databind, guava);
    assertThat(result.plan().layers()).extracting(PlannedLayer::name).doesNotContain(REACTOR);
    assertThat(result.warnings())
        .containsExactly(
            "Reactor layer 'reactor-shared' holds no library: no release library is used by at"
                + " least 2 of the 3 function modules of this build. It is left out.");
    try (Stream<Path> files = Files.list(temp.resolve("target/lambda"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(REACTOR));
    }
  }

  @Test
  void anEmptyReactorLayerWithRulesGivesOnlyTheReactorWarning() throws IOException {
    PreparedPackage prepared =
        prepare(
            request(List.of(s3), List.of(rule("aws", "software.amazon.awssdk:*"))).toBuilder()
                .reactorLayer(new ReactorLayer(REACTOR, 3, 4, List.of(), List.of()))
                .build());
    assertThat(prepared.layers()).extracting(PlannedLayer::name).containsExactly("aws");
    assertThat(prepared.warnings())
        .singleElement()
        .asString()
        .startsWith("Reactor layer 'reactor-shared' holds no library")
        .contains("at least 3 of the 4 function modules");
  }

  @Test
  void theReactorModeOffChangesNothing() throws IOException {
    List<ResolvedArtifact> graph = List.of(databind, jacksonCore, guava);
    PreparedPackage off = prepare(request(graph, List.of()));
    PreparedPackage none =
        prepare(request(graph, List.of()).toBuilder().reactorLayer(ReactorLayer.NONE).build());
    PreparedPackage nul = prepare(request(graph, List.of()).toBuilder().reactorLayer(null).build());
    assertThat(none.layers()).isEqualTo(off.layers());
    assertThat(nul.layers()).isEqualTo(off.layers());
    assertThat(off.layers()).extracting(PlannedLayer::name).containsExactly("my-function");
    assertThat(none.warnings()).isEmpty();
  }

  @Test
  void leftOutWarningsAppearOnlyForModulesThatUseTheLibrary() throws IOException {
    ReactorLayer layer =
        new ReactorLayer(REACTOR, 2, 3, List.of(databind, jacksonCore), List.of(guavaLeftOut));
    String warning =
        "Reactor layer 'reactor-shared': com.google.guava:guava is used in different versions"
            + " (32.0.0-jre in com.example:orders; 33.0.0-jre in com.example:billing,"
            + " com.example:my-function), so it stays with each module; align its version in the"
            + " parent's dependency management to share it.";

    PreparedPackage user =
        prepare(
            request(List.of(databind, guava), List.of()).toBuilder().reactorLayer(layer).build());
    assertThat(user.warnings()).containsExactly(warning);
    // The module keeps its own guava.
    assertThat(user.layers().get(1).libraries()).containsExactly(guava);

    PreparedPackage other =
        prepare(request(List.of(databind, s3), List.of()).toBuilder().reactorLayer(layer).build());
    assertThat(other.warnings()).isEmpty();
  }

  @Test
  void leftOutWarningsAppearAlsoWhenTheReactorLayerIsEmpty() throws IOException {
    ReactorLayer layer = new ReactorLayer(REACTOR, 2, 3, List.of(), List.of(guavaLeftOut));
    PreparedPackage prepared =
        prepare(request(List.of(guava), List.of()).toBuilder().reactorLayer(layer).build());
    assertThat(prepared.warnings())
        .hasSize(2)
        .anyMatch(w -> w.startsWith("Reactor layer 'reactor-shared': com.google.guava:guava"))
        .anyMatch(w -> w.startsWith("Reactor layer 'reactor-shared' holds no library"));
  }

  private SharedLayer platform(ResolvedArtifact... libraries) {
    LayerDescriptor d =
        new LayerDescriptor(
            1,
            "com.acme:platform:1.4.0",
            "platform",
            List.of("java21"),
            List.of("x86_64"),
            "a".repeat(64),
            Hashes.toBase64("a".repeat(64)),
            1_000,
            Stream.of(libraries)
                .map(a -> new Lockfile.Library(a.coordinates(), a.sha256(), a.size()))
                .toList(),
            List.of());
    Map<Coordinates, Path> jars = new java.util.HashMap<>();
    for (ResolvedArtifact a : libraries) {
      jars.put(a.coordinates(), a.file());
    }
    return new SharedLayer(d.layer(), d, jars);
  }

  private PackagingRequest withShared(
      List<ResolvedArtifact> graph, SharedLayer shared, ReactorLayer reactor) {
    return PackagingRequest.builder(new DependencyGraph(PROJECT, graph))
        .defaultLayerName("my-function")
        .functionName("my-function")
        .runtimes(List.of("java21"))
        .classesDirectory(classes)
        .outputDirectory(temp.resolve("target/lambda"))
        .timestamp(TIMESTAMP)
        .shared(new SharedLayerSettings(List.of(shared), true, false))
        .reactorLayer(reactor)
        .build();
  }

  @Test
  void aLibraryASharedLayerHoldsIsNotPutInTheReactorLayer() throws IOException {
    PackagingResult result =
        build(
            withShared(
                List.of(databind, jacksonCore, guava),
                platform(databind, jacksonCore),
                reactor(databind, jacksonCore, slf4j)));
    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly(REACTOR, "my-function");
    assertThat(result.layers().get(0).libraries()).containsExactly(slf4j);
    assertThat(result.layers().get(1).libraries()).containsExactly(guava);
    assertThat(everywhere(result)).doesNotContain(databind, jacksonCore);
    assertThat(result.sharedLayerZips().get(0).libraries())
        .extracting(ResolvedArtifact::coordinates)
        .containsExactly(databind.coordinates(), jacksonCore.coordinates());
  }

  @Test
  void aLibraryASharedLayerHoldsInAnotherVersionStaysPinnedToTheFunction() throws IOException {
    // Other modules share jackson-core 2.17.0; this one's shared layer holds 2.18.2: the function
    // keeps its own 2.17.0 (the skew rule), and the reactor layer does not add a second copy to
    // /opt.
    ResolvedArtifact oldCore =
        jarArtifact(temp.resolve("old"), "com.fasterxml.jackson.core:jackson-core:2.17.0");
    PackagingResult result =
        build(
            withShared(
                List.of(oldCore, guava), platform(databind, jacksonCore), reactor(oldCore, guava)));
    assertThat(result.skews()).hasSize(1);
    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly(REACTOR);
    assertThat(result.layers().get(0).libraries()).containsExactly(guava);
    assertThat(result.function().libraries()).containsExactly(oldCore);
  }

  @Test
  void aReactorLayerWhoseLibrariesAllSitInASharedLayerIsOmitted() throws IOException {
    PreparedPackage prepared =
        prepare(
            withShared(
                List.of(databind, guava),
                platform(databind, jacksonCore),
                reactor(databind, jacksonCore)));
    assertThat(prepared.layers()).extracting(PlannedLayer::name).containsExactly("my-function");
    assertThat(prepared.warnings())
        .contains(
            "Reactor layer 'reactor-shared' holds no library: this module's shared layers"
                + " already hold all of them. It is left out.");
  }

  @Test
  void aReactorLayerNamedLikeASharedLayerIsAViolation() throws IOException {
    SharedLayer shared = platform(databind, jacksonCore);
    InvalidConfigurationException e =
        invalid(
            withShared(
                List.of(databind, guava),
                shared,
                new ReactorLayer(shared.name(), 2, 3, List.of(slf4j), List.of())));
    assertThat(e.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.REACTOR_LAYER);
              assertThat(v.problem()).contains("own or shared layers");
            });
  }

  @Test
  void anInvalidReactorLayerNameIsAViolation() {
    for (String name : List.of("reactor shared", "reactor/shared", "r".repeat(65), "é")) {
      InvalidConfigurationException e =
          invalid(
              request(List.of(guava), List.of()).toBuilder()
                  .reactorLayer(new ReactorLayer(name, 2, 3, List.of(slf4j), List.of()))
                  .build());
      assertThat(e.violations())
          .as(name)
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.setting()).isEqualTo(Setting.REACTOR_LAYER);
                assertThat(v.value()).isEqualTo(name);
                assertThat(v.problem()).isEqualTo("is not a valid Lambda layer name");
              });
    }
  }

  @Test
  void anEmptyReactorLayerNameIsAViolation() {
    InvalidConfigurationException e =
        invalid(
            request(List.of(guava), List.of()).toBuilder()
                .reactorLayer(new ReactorLayer("", 2, 3, List.of(slf4j), List.of()))
                .build());
    assertThat(e.violations())
        .extracting(Violation::setting)
        .containsExactly(Setting.REACTOR_LAYER);
  }

  @Test
  void aReactorLayerNamedLikeARuleLayerIsAViolation() {
    List<LayerRule> rules =
        List.of(rule("jackson", "com.fasterxml.jackson.*:*"), rule("aws", "software.amazon.*:*"));
    for (String name : List.of("aws", "Jackson")) {
      InvalidConfigurationException e =
          invalid(
              request(List.of(databind, s3), rules).toBuilder()
                  .reactorLayer(new ReactorLayer(name, 2, 3, List.of(slf4j), List.of()))
                  .build());
      assertThat(e.violations())
          .as(name)
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.setting()).isEqualTo(Setting.REACTOR_LAYER);
                assertThat(v.value()).isEqualTo(name);
                assertThat(v.problem()).contains("also the name of one of the project's own");
              });
      assertThat(e).hasMessageContaining("REACTOR_LAYER '" + name + "'");
    }
  }

  @Test
  void aReactorLayerNamedLikeTheDefaultLayerIsAViolation() {
    InvalidConfigurationException e =
        invalid(
            request(List.of(guava), List.of()).toBuilder()
                .reactorLayer(new ReactorLayer("my-function", 2, 3, List.of(slf4j), List.of()))
                .build());
    assertThat(e.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.REACTOR_LAYER);
              assertThat(v.value()).isEqualTo("my-function");
            });
  }

  @Test
  void theDefaultLayerNameIsFreeWhenRulesNameTheLayers() throws IOException {
    // With rules there is no default layer, so its name does not collide.
    PreparedPackage prepared =
        prepare(
            request(List.of(s3), List.of(rule("aws", "software.amazon.awssdk:*"))).toBuilder()
                .reactorLayer(new ReactorLayer("my-function", 2, 3, List.of(slf4j), List.of()))
                .build());
    assertThat(prepared.layers())
        .extracting(PlannedLayer::name)
        .containsExactly("my-function", "aws");
  }

  @Test
  void minModulesBelowOneIsAViolation() {
    for (int minModules : new int[] {0, -1}) {
      InvalidConfigurationException e =
          invalid(
              request(List.of(guava), List.of()).toBuilder()
                  .reactorLayer(new ReactorLayer(REACTOR, minModules, 0, List.of(), List.of()))
                  .build());
      assertThat(e.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.setting()).isEqualTo(Setting.REACTOR_LAYER_MIN_MODULES);
                assertThat(v.value()).isEqualTo(String.valueOf(minModules));
                assertThat(v.problem()).isEqualTo("must be at least 1");
              });
    }
  }

  @Test
  void reactorViolationsAreReportedTogetherWithTheOtherSettingsBeforeWriting() {
    PackagingRequest request =
        PackagingRequest.builder(new DependencyGraph(PROJECT, List.of(guava)))
            .defaultLayerName("my-function")
            .functionName("my-function")
            .runtimes(List.of("java7"))
            .classesDirectory(classes)
            .outputDirectory(temp.resolve("target/lambda"))
            .timestamp(TIMESTAMP)
            .reactorLayer(new ReactorLayer("bad name", 0, 0, List.of(), List.of()))
            .build();
    InvalidConfigurationException e = invalid(request);
    assertThat(e.violations())
        .extracting(Violation::setting)
        .containsExactly(
            Setting.RUNTIMES, Setting.REACTOR_LAYER, Setting.REACTOR_LAYER_MIN_MODULES);
    assertThat(temp.resolve("target/lambda")).doesNotExist();
  }

  @Test
  void theReactorLayerCountsTowardTheFiveLayerLimit() throws IOException {
    List<ResolvedArtifact> graph = List.of(databind, guava, s3, commons, snapshot);
    List<LayerRule> fiveRules =
        List.of(
            rule("jackson", "com.fasterxml.jackson.*:*"),
            rule("google", "com.google.*:*"),
            rule("aws", "software.amazon.awssdk:*"),
            rule("apache", "org.apache.*:*"),
            rule("snap", "org.example:*"));
    // Five rule layers alone are allowed.
    assertThat(prepare(request(graph, fiveRules)).layers()).hasSize(5);

    PackagingRequest request =
        request(graph, fiveRules).toBuilder().reactorLayer(reactor(slf4j)).build();
    assertThatThrownBy(() -> prepare(request))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.setting()).isEqualTo(Setting.LAYERS);
                          assertThat(v.value()).isEqualTo("6 layers");
                        }));
    assertThatThrownBy(() -> build(request)).isInstanceOf(InvalidConfigurationException.class);
    assertThat(temp.resolve("target/lambda")).doesNotExist();

    // Four rule layers and the reactor layer make five: allowed.
    PreparedPackage four =
        prepare(
            request(graph, fiveRules.subList(0, 4)).toBuilder()
                .reactorLayer(reactor(slf4j))
                .build());
    assertThat(four.layers())
        .extracting(PlannedLayer::name)
        .containsExactly(REACTOR, "jackson", "google", "aws", "apache");
  }

  @Test
  void anOmittedEmptyReactorLayerDoesNotCountTowardTheLimit() throws IOException {
    List<ResolvedArtifact> graph = List.of(databind, guava, s3, commons, snapshot);
    List<LayerRule> fiveRules =
        List.of(
            rule("jackson", "com.fasterxml.jackson.*:*"),
            rule("google", "com.google.*:*"),
            rule("aws", "software.amazon.awssdk:*"),
            rule("apache", "org.apache.*:*"),
            rule("snap", "org.example:*"));
    PreparedPackage prepared =
        prepare(
            request(graph, fiveRules).toBuilder()
                .reactorLayer(new ReactorLayer(REACTOR, 2, 2, List.of(), List.of()))
                .build());
    assertThat(prepared.layers()).hasSize(5);
  }

  @Test
  void theReactorLayersBytesCountTowardTheUnzippedSize() throws IOException {
    PreparedPackage without = prepare(request(List.of(guava), List.of()));
    PreparedPackage with =
        prepare(
            request(List.of(guava), List.of()).toBuilder()
                .reactorLayer(reactor(slf4j, commons))
                .build());
    long bytes =
        with.layerInputs().stream().flatMap(List::stream).mapToLong(i -> i.digest().size()).sum();
    long before =
        without.layerInputs().stream()
            .flatMap(List::stream)
            .mapToLong(i -> i.digest().size())
            .sum();
    assertThat(bytes).isEqualTo(before + slf4j.size() + commons.size());
  }

  @Test
  void theLockfileListsTheReactorLayerAsALayer() throws IOException {
    Path lockfile = temp.resolve("lambda-layers.lock.json");
    PackagingRequest request =
        request(
                List.of(databind, jacksonCore, guava, snapshot),
                List.of(rule("google", "com.google.*:*")))
            .toBuilder()
            .reactorLayer(reactor(databind, jacksonCore, slf4j))
            .build();

    LockfileService.LockResult locked =
        new LockfileService(FileDigestCache.load(null))
            .lock(request, lockfile, "lambda-layers.lock.json");
    assertThat(locked.created()).isTrue();
    Lockfile lock = locked.lockfile();
    assertThat(lock.layers()).extracting(Lockfile.Layer::name).containsExactly(REACTOR, "google");
    Lockfile.Layer layer = lock.layer(REACTOR).orElseThrow();
    assertThat(layer.libraries())
        .extracting(Lockfile.Library::coordinates)
        .containsExactly(databind.coordinates(), jacksonCore.coordinates(), slf4j.coordinates());
    assertThat(layer.libraries())
        .extracting(Lockfile.Library::sha256)
        .containsExactly(databind.sha256(), jacksonCore.sha256(), slf4j.sha256());
    assertThat(lock.function().libraries())
        .extracting(Lockfile.Library::coordinates)
        .containsExactly(snapshot.coordinates());
    assertThat(Files.readString(lockfile)).contains("\"name\": \"" + REACTOR + "\"");

    // The zips built afterwards have the hashes the lockfile holds, so the check is clean.
    PackagingResult built = build(request);
    assertThat(layer.sha256()).isEqualTo(built.layers().get(0).zip().sha256());
    assertThat(LockfileService.check(request, built, lockfile, "lambda-layers.lock.json"))
        .hasValueSatisfying(report -> assertThat(report.clean()).isTrue());
    Lockfile current = LockfileService.current(request, built, Optional.of(lock));
    assertThat(LockfileCodec.write(current)).isEqualTo(LockfileCodec.write(lock));
  }

  @Test
  void lockfileBuilderListsTheReactorLayerFirst() throws IOException {
    PackagingRequest request =
        request(List.of(guava), List.of()).toBuilder().reactorLayer(reactor(slf4j)).build();
    PreparedPackage prepared = prepare(request);
    Lockfile lock =
        LockfileBuilder.build(
            request,
            prepared,
            Map.of(REACTOR, "c".repeat(64), "my-function", "b".repeat(64)),
            Optional.empty());
    assertThat(lock.layers())
        .extracting(Lockfile.Layer::name, Lockfile.Layer::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(REACTOR, "c".repeat(64)),
            org.assertj.core.groups.Tuple.tuple("my-function", "b".repeat(64)));
    assertThat(names(prepared.layers().get(0).libraries())).containsExactly("slf4j-api");
  }
}
