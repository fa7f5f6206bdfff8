package dev.lambdalayer.core.plan;

import static dev.lambdalayer.core.model.TestFiles.PROJECT;
import static dev.lambdalayer.core.model.TestFiles.jarArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.lock.LayerDescriptorCodec;
import dev.lambdalayer.core.lock.LockfileBuilder;
import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.lock.LockfileService;
import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.publish.DeployedFunction;
import dev.lambdalayer.core.publish.FunctionDeployment;
import dev.lambdalayer.core.publish.FunctionToDeploy;
import dev.lambdalayer.core.publish.PublishSettings;
import dev.lambdalayer.core.publish.PublishedLayer;
import dev.lambdalayer.core.publish.SharedLayerArns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedLayersTest {

  @TempDir Path temp;
  private Path repo;
  private Path out;
  private ResolvedArtifact databind;
  private ResolvedArtifact core;
  private ResolvedArtifact guava;

  @BeforeEach
  void setUp() throws IOException {
    repo = temp.resolve("repo");
    out = temp.resolve("target/lambda");
    String db = "com.fasterxml.jackson.core:jackson-databind:2.18.2";
    databind = jarArtifact(repo, db);
    core = jarArtifact(repo, "com.fasterxml.jackson.core:jackson-core:2.18.2", db);
    guava = jarArtifact(repo, "com.google.guava:guava:33.0.0-jre");
  }

  private LayerDescriptor descriptor(String name, List<ResolvedArtifact> libraries) {
    return new LayerDescriptor(
        1,
        "com.acme:" + name + ":1.4.0",
        name,
        List.of("java21"),
        List.of("x86_64"),
        "a".repeat(64),
        Hashes.toBase64("a".repeat(64)),
        1_000,
        libraries.stream()
            .map(a -> new Lockfile.Library(a.coordinates(), a.sha256(), a.size()))
            .toList(),
        List.of(
            new Lockfile.Published(
                "eu-west-1",
                "123456789012",
                "arn:aws:lambda:eu-west-1:123456789012:layer:" + name + ":3",
                3,
                Hashes.toBase64("a".repeat(64)))));
  }

  private SharedLayer platform() {
    LayerDescriptor d = descriptor("platform", List.of(databind, core));
    return new SharedLayer(
        d.layer(),
        d,
        Map.of(databind.coordinates(), databind.file(), core.coordinates(), core.file()));
  }

  private PackagingRequest request(
      List<ResolvedArtifact> graph, SharedLayerSettings shared, List<LayerRule> rules) {
    return PackagingRequest.builder(new DependencyGraph(PROJECT, graph))
        .rules(rules)
        .defaultLayerName("my-function")
        .functionName("my-function")
        .runtimes(List.of("java21"))
        .classesDirectory(null)
        .outputDirectory(out)
        .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
        .shared(shared)
        .build();
  }

  @Test
  void descriptorRoundTrips() {
    LayerDescriptor d = descriptor("platform", List.of(databind, core));
    String text = LayerDescriptorCodec.write(d);
    LayerDescriptor read = LayerDescriptorCodec.parse(text, "com.acme:platform:1.4.0", "x");
    assertThat(LayerDescriptorCodec.write(read)).isEqualTo(text);
    assertThat(read.libraries()).containsExactlyInAnyOrderElementsOf(d.libraries());
    assertThat(read.published()).isEqualTo(d.published());
    assertThat(text).endsWith("}\n").contains("\"sha256\": \"" + "a".repeat(64));
    assertThat(d.publishedIn("eu-west-1")).isPresent();
    assertThat(d.publishedIn("us-east-1")).isEmpty();
  }

  @Test
  void malformedOrNewerDescriptorNamesTheSharedLayer() {
    assertThatThrownBy(() -> LayerDescriptorCodec.parse("{", "com.acme:p:1", "f.json"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("com.acme:p:1");
    assertThatThrownBy(
            () ->
                LayerDescriptorCodec.parse("{\"descriptorVersion\": 9}", "com.acme:p:1", "f.json"))
        .hasMessageContaining("newer plugin");
    assertThatThrownBy(
            () -> LayerDescriptorCodec.parse("{\"descriptorVersion\": 1}", "com.acme:p:1", "f"))
        .hasMessageContaining("$.libraries is missing");
  }

  /**
   * Issue 13 item 10, for shared layers: one no longer used leaves no zip in target/lambda/shared.
   */
  @Test
  void aSharedLayerNoLongerUsedLeavesNoZipBehind() throws IOException {
    List<ResolvedArtifact> graph = List.of(databind, core, guava);
    PackagingResult with =
        new LambdaPackager(FileDigestCache.load(null))
            .build(
                request(
                    graph, new SharedLayerSettings(List.of(platform()), true, false), List.of()));
    Path sharedZip = with.sharedLayerZips().get(0).zip().file();
    assertThat(sharedZip).exists();
    Path users = Files.writeString(out.resolve("shared/notes.zip"), "x");

    new LambdaPackager(FileDigestCache.load(null))
        .build(request(graph, SharedLayerSettings.NONE, List.of()));

    assertThat(sharedZip).doesNotExist();
    assertThat(users).hasContent("x");
  }

  @Test
  void sameVersionLeavesTheFunctionOtherVersionIsASkewThatStays() throws IOException {
    ResolvedArtifact oldCore =
        jarArtifact(
            repo,
            "com.fasterxml.jackson.core:jackson-core:2.17.0",
            "com.fasterxml.jackson.core:jackson-databind:2.18.2");
    SharedLayerSlimming.Slimmed slimmed =
        SharedLayerSlimming.slim(
            new DependencyGraph(PROJECT, List.of(databind, oldCore, guava)), List.of(platform()));
    assertThat(slimmed.graph().artifacts()).containsExactly(oldCore, guava);
    assertThat(slimmed.provided()).containsExactly(databind);
    assertThat(slimmed.skews()).hasSize(1);
    VersionSkew skew = slimmed.skews().get(0);
    assertThat(skew.inLayer().version()).isEqualTo("2.18.2");
    assertThat(skew.message())
        .contains("wants 2.17.0")
        .contains("holds 2.18.2")
        .contains("com.example:my-function:1.0 -> com.fasterxml.jackson.core:jackson-databind")
        .contains("2.17.0 stays in the function zip (/var/task/lib) and runs");
  }

  @Test
  void skewedLibraryIsPinnedToTheFunctionEvenWhenARuleWouldTakeIt() throws IOException {
    ResolvedArtifact oldCore = jarArtifact(repo, "com.fasterxml.jackson.core:jackson-core:2.17.0");
    List<ResolvedArtifact> graph = new ArrayList<>(List.of(databind, oldCore, guava));
    PackagingResult result =
        new LambdaPackager(FileDigestCache.load(null))
            .build(
                request(
                    graph, new SharedLayerSettings(List.of(platform()), true, false), List.of()));
    assertThat(result.layers()).hasSize(1);
    assertThat(result.layers().get(0).libraries()).containsExactly(guava);
    assertThat(result.function().libraries()).containsExactly(oldCore);
    assertThat(result.skews()).hasSize(1);
    assertThat(result.warnings()).anyMatch(w -> w.startsWith("Version skew: "));
    // The class-path check sees the shared layer without the shadowed copy.
    assertThat(result.sharedLayerZips()).hasSize(1);
    assertThat(result.sharedLayerZips().get(0).libraries()).containsExactly(databind);
    ClassPathInput input =
        ClassPathInput.of(
            request(graph, new SharedLayerSettings(List.of(platform()), true, false), List.of()),
            result);
    assertThat(input.layers())
        .extracting(ClassPathInput.LayerZip::name)
        .containsExactly("platform (shared)", "my-function");
  }

  @Test
  void theAuditReportsSkewAsAWarningWithAndWithoutALockfile() throws IOException {
    ResolvedArtifact oldCore = jarArtifact(repo, "com.fasterxml.jackson.core:jackson-core:2.17.0");
    PackagingRequest request =
        request(
            List.of(databind, oldCore, guava),
            new SharedLayerSettings(List.of(platform()), true, false),
            List.of());
    LockfileService service = new LockfileService(FileDigestCache.load(null));
    Path lockfile = temp.resolve("lambda-layers.lock.json");

    LockfileService.AuditResult withoutLockfile =
        service.audit(request, lockfile, "lambda-layers.lock.json", "no lockfile");
    service.lock(request, lockfile, "lambda-layers.lock.json");
    LockfileService.AuditResult withLockfile =
        service.audit(request, lockfile, "lambda-layers.lock.json", "no lockfile");

    for (LockfileService.AuditResult result : List.of(withoutLockfile, withLockfile)) {
      assertThat(result.warnings())
          .singleElement()
          .asString()
          .startsWith(
              "Version skew: com.fasterxml.jackson.core:jackson-core: the function wants"
                  + " 2.17.0");
    }
    assertThat(withLockfile.report().clean()).isTrue();
  }

  @Test
  void failOnSkewIsAnErrorNamingTheSetting() {
    ResolvedArtifact oldCore;
    try {
      oldCore = jarArtifact(repo, "com.fasterxml.jackson.core:jackson-core:2.17.0");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    PackagingRequest request =
        request(
            List.of(oldCore), new SharedLayerSettings(List.of(platform()), true, true), List.of());
    assertThatThrownBy(() -> new LambdaPackager(FileDigestCache.load(null)).prepare(request))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.violations().get(0).setting()).isEqualTo(Setting.FAIL_ON_SKEW));
  }

  @Test
  void sharedLayersCountTowardTheFiveLayerLimit() {
    List<SharedLayer> shared = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      LayerDescriptor d = descriptor("shared" + i, List.of());
      shared.add(new SharedLayer(d.layer(), d, Map.of()));
    }
    PackagingRequest request =
        request(List.of(guava), new SharedLayerSettings(shared, true, false), List.of());
    assertThatThrownBy(() -> new LambdaPackager(FileDigestCache.load(null)).prepare(request))
        .hasMessageContaining("6 layers");
  }

  @Test
  void arnsPerRegionAndAClearErrorWhenARegionHasNone() {
    SharedLayerSettings shared = new SharedLayerSettings(List.of(platform()), false, false);
    Map<String, List<PublishedLayer>> arns =
        SharedLayerArns.forRegions(shared, List.of("eu-west-1"));
    assertThat(arns.get("eu-west-1"))
        .extracting(PublishedLayer::layerVersionArn)
        .containsExactly("arn:aws:lambda:eu-west-1:123456789012:layer:platform:3");
    PublishedLayer own =
        new PublishedLayer(
            "mine", "eu-west-1", "1", "arn:mine:1", 1, "b", "c", PublishedLayer.Outcome.LOCKED, 0);
    assertThat(
            SharedLayerArns.merge(Map.of("eu-west-1", List.of(own)), arns, false).get("eu-west-1"))
        .extracting(PublishedLayer::layerName)
        .containsExactly("mine", "platform");
    assertThat(
            SharedLayerArns.merge(Map.of("eu-west-1", List.of(own)), arns, true).get("eu-west-1"))
        .extracting(PublishedLayer::layerName)
        .containsExactly("platform", "mine");
    assertThatThrownBy(() -> SharedLayerArns.forRegions(shared, List.of("us-east-1")))
        .hasMessageContaining("com.acme:platform:1.4.0")
        .hasMessageContaining("no published version in us-east-1")
        .hasMessageContaining("eu-west-1")
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.violations().get(0).fix()).contains("add us-east-1 to the layer"));
  }

  @Test
  void lockfileListsSharedLayersAndRoundTrips() throws IOException {
    PackagingRequest request =
        request(
            List.of(databind, guava),
            new SharedLayerSettings(List.of(platform()), true, false),
            List.of());
    PreparedPackage prepared = new LambdaPackager(FileDigestCache.load(null)).prepare(request);
    Lockfile lock =
        LockfileBuilder.build(
            request, prepared, Map.of("my-function", "b".repeat(64)), Optional.empty());
    assertThat(lock.sharedLayers()).hasSize(1);
    String text = LockfileCodec.write(lock);
    assertThat(text)
        .contains("\"sharedLayers\"")
        .contains("\"layer\": \"com.acme:platform:1.4.0\"");
    Lockfile read = LockfileCodec.parse(text, Path.of("lock.json"));
    assertThat(LockfileCodec.write(read)).isEqualTo(text);
    assertThat(read.sharedLayers().get(0).name()).isEqualTo("platform");
  }

  @Test
  void layerProjectWritesOneLayerAndNoFunction() throws IOException {
    LayerRule all =
        new LayerRule(
            "platform", List.of(ArtifactPattern.parse("*:*", Setting.LAYERS)), List.of(), true);
    PackagingResult result =
        new LambdaPackager(FileDigestCache.load(null))
            .buildLayerProject(
                request(List.of(databind, core), SharedLayerSettings.NONE, List.of(all)));
    assertThat(result.function()).isNull();
    assertThat(result.layers())
        .singleElement()
        .satisfies(l -> assertThat(l.libraries()).hasSize(2));
    LayerDescriptor d =
        LayerDescriptor.of(
            "com.acme:platform:1.0",
            result.layers().get(0),
            List.of("java21"),
            List.of("x86_64"),
            Optional.empty());
    assertThat(d.sha256()).isEqualTo(result.layers().get(0).zip().sha256());
    assertThat(d.libraries()).hasSize(2);
    assertThat(d.published()).isEmpty();
  }

  /** A function in eu-west-1 with no layers yet; keeps the layer list it is given. */
  private static final class LayerListDeployer extends InMemoryAws {
    final List<List<String>> layerLists = new ArrayList<>();

    @Override
    public FunctionState getFunction(String region, String function) {
      return new FunctionState(
          "arn:aws:lambda:eu-west-1:123456789012:function:" + function,
          "OLD=",
          1_000,
          List.of(),
          "Successful",
          null);
    }

    @Override
    public void updateCode(String region, String function, Code code) {}

    @Override
    public void updateLayers(String region, String function, List<String> layerVersionArns) {
      layerLists.add(layerVersionArns);
    }
  }

  @Test
  void aBuiltFunctionGetsItsOwnLayersAndTheSharedOnesInTheConfiguredPlace() throws Exception {
    String own = "arn:aws:lambda:eu-west-1:123456789012:layer:my-function:7";
    String shared = "arn:aws:lambda:eu-west-1:123456789012:layer:platform:3";
    for (boolean sharedFirst : List.of(true, false)) {
      PackagingRequest request =
          request(
              List.of(databind, core, guava),
              new SharedLayerSettings(List.of(platform()), sharedFirst, false),
              List.of());
      PackagingResult built = new LambdaPackager(FileDigestCache.load(null)).build(request);
      BuiltZip layer = built.layers().get(0);
      PublishedLayer published =
          new PublishedLayer(
              layer.name(),
              "eu-west-1",
              "123456789012",
              own,
              7,
              layer.zip().sha256(),
              layer.zip().codeSha256(),
              PublishedLayer.Outcome.PUBLISHED,
              0);
      FunctionToDeploy function = FunctionToDeploy.of("hello", built.function(), null, Set.of());
      assertThat(function.zip()).isEqualTo(built.function().zip().file());
      assertThat(function.codeSha256()).isEqualTo(built.function().zip().codeSha256());
      LayerListDeployer aws = new LayerListDeployer();
      PublishSettings settings = new PublishSettings(List.of("eu-west-1"), null, null, List.of());

      List<DeployedFunction> deployed =
          new FunctionDeployment(
                  aws,
                  settings,
                  new FunctionDeployment.Timing(Duration.ofSeconds(5), Duration.ofMillis(1)),
                  line -> {})
              .deploy(
                  function,
                  request,
                  built,
                  List.of(published),
                  SharedLayerArns.forRegions(request.shared(), settings.regions()),
                  arn -> Set.of());

      List<String> expected = sharedFirst ? List.of(shared, own) : List.of(own, shared);
      assertThat(aws.layerLists).containsExactly(expected);
      assertThat(deployed)
          .singleElement()
          .satisfies(d -> assertThat(d.layers()).isEqualTo(expected));
    }
  }
}
