package dev.lambdalayer.core.plan;

import static dev.lambdalayer.core.model.TestFiles.PROJECT;
import static dev.lambdalayer.core.model.TestFiles.jarArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigest;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.InputChangedException;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaPackagerTest {

  private static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path temp;
  private Path repo;
  private Path classes;
  private Path out;
  private List<ResolvedArtifact> graph;

  @BeforeEach
  void setUp() throws IOException {
    repo = temp.resolve("repo");
    classes = temp.resolve("classes");
    out = temp.resolve("target/lambda");
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve("com/example/Handler.class"), "handler");
    Files.writeString(classes.resolve("log4j2.xml"), "<Configuration/>");
    String s3 = "software.amazon.awssdk:s3:2.30.0";
    graph =
        new ArrayList<>(
            List.of(
                jarArtifact(repo, s3),
                jarArtifact(repo, "software.amazon.awssdk:sdk-core:2.30.0", s3),
                jarArtifact(repo, "com.fasterxml.jackson.core:jackson-databind:2.18.2"),
                jarArtifact(repo, "org.example:snap:1.0-SNAPSHOT")));
  }

  private PackagingRequest request(List<LayerRule> rules) {
    return request(rules, List.of("java21"));
  }

  private PackagingRequest request(List<LayerRule> rules, List<String> runtimes) {
    return PackagingRequest.builder(new DependencyGraph(PROJECT, graph))
        .rules(rules)
        .defaultLayerName("my-function")
        .functionName("my-function")
        .runtimes(runtimes)
        .classesDirectory(classes)
        .outputDirectory(out)
        .timestamp(TIMESTAMP)
        .build();
  }

  private static LayerRule rule(String name, String... includes) {
    return new LayerRule(
        name,
        Stream.of(includes).map(i -> ArtifactPattern.parse(i, Setting.LAYER_INCLUDES)).toList(),
        List.of(),
        true);
  }

  private PackagingResult build(PackagingRequest request) throws IOException {
    return new LambdaPackager(FileDigestCache.load(out.resolve(".state/digests.txt")))
        .build(request);
  }

  private static List<String> entries(Path zip) throws IOException {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      return Collections.list(file.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
    }
  }

  private List<String> zipFiles() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".zip"))
          .sorted()
          .toList();
    }
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }

  @Test
  void defaultSplitWritesOneLayerAndASlimFunction() throws IOException {
    PackagingResult result = build(request(List.of()));

    assertThat(result.layers()).hasSize(1);
    BuiltZip layer = result.layers().get(0);
    assertThat(layer.name()).isEqualTo("my-function");
    assertThat(layer.zip().file().getFileName().toString())
        .matches("my-function-[0-9a-f]{12}\\.zip")
        .isEqualTo("my-function-" + layer.zip().sha256().substring(0, 12) + ".zip");
    assertThat(layer.shortHash()).isEqualTo(layer.zip().sha256().substring(0, 12));
    assertThat(entries(layer.zip().file()))
        .containsExactly(
            "java/",
            "java/lib/",
            "java/lib/com.fasterxml.jackson.core-jackson-databind-2.18.2.jar",
            "java/lib/software.amazon.awssdk-s3-2.30.0.jar",
            "java/lib/software.amazon.awssdk-sdk-core-2.30.0.jar");
    assertThat(layer.libraries()).hasSize(3);

    BuiltZip function = result.function();
    assertThat(function.zip().file()).isEqualTo(out.resolve("my-function-function.zip"));
    assertThat(entries(function.zip().file()))
        .containsExactly(
            "com/",
            "com/example/",
            "com/example/Handler.class",
            "lib/",
            "lib/org.example-snap-1.0-SNAPSHOT.jar",
            "log4j2.xml");
    assertThat(function.reused()).isFalse();
    assertThat(layer.reused()).isFalse();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.fatZipBytes())
        .isEqualTo(layer.zip().zippedBytes() + function.zip().zippedBytes());
    assertThat(layer.zip().unzippedBytes())
        .isEqualTo(graph.subList(0, 3).stream().mapToLong(ResolvedArtifact::size).sum());
  }

  @Test
  void aDeprecatedRuntimeIsWarnedOnTheCheckDayOnly() throws IOException {
    PackagingRequest request = request(List.of(), List.of("java17.al2023", "java11"));
    assertThat(build(request).warnings()).as("no check day, no check").isEmpty();

    PackagingResult result =
        build(request.toBuilder().runtimeCheckDate(java.time.LocalDate.of(2027, 7, 1)).build());
    assertThat(result.warnings())
        .containsExactly(
            "Runtime java11 (Amazon Linux 2) was deprecated on 2027-06-30; use java11.al2023"
                + " (Java 11 on Amazon Linux 2023)");
    assertThat(
            build(request.toBuilder().runtimeCheckDate(java.time.LocalDate.of(2026, 12, 1)).build())
                .warnings())
        .isEmpty();
  }

  @Test
  void layerZipHoldsTheJarBytesUnchanged() throws IOException {
    PackagingResult result = build(request(List.of()));
    try (ZipFile zip = ZipFile.builder().setPath(result.layers().get(0).zip().file()).get()) {
      ZipArchiveEntry entry = zip.getEntry("java/lib/software.amazon.awssdk-s3-2.30.0.jar");
      try (var in = zip.getInputStream(entry)) {
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(graph.get(0).file()));
      }
    }
  }

  @Test
  void aZipTouchedSinceItWasWrittenIsWrittenAgain() throws IOException {
    PackagingResult first = build(request(List.of()));
    Files.setLastModifiedTime(first.layers().get(0).zip().file(), FileTime.fromMillis(0));

    PackagingResult second = build(request(List.of()));

    assertThat(second.layers().get(0).reused()).isFalse();
    assertThat(second.function().reused()).isTrue();
    assertThat(second.layers().get(0).zip().sha256())
        .isEqualTo(first.layers().get(0).zip().sha256());
  }

  @Test
  void secondBuildIsReusedAndKeepsTheFile() throws IOException {
    PackagingResult first = build(request(List.of()));
    Path layerFile = first.layers().get(0).zip().file();
    Path functionFile = first.function().zip().file();
    FileTime written = Files.getLastModifiedTime(layerFile);
    Object layerKey = fileKey(layerFile);
    Object functionKey = fileKey(functionFile);

    PackagingResult second = build(request(List.of()));

    assertThat(second.layers().get(0).reused()).isTrue();
    assertThat(second.function().reused()).isTrue();
    assertThat(Files.getLastModifiedTime(layerFile)).isEqualTo(written);
    // A rewrite goes through a temporary file and a rename: a new inode.
    assertThat(fileKey(layerFile)).isEqualTo(layerKey);
    assertThat(fileKey(functionFile)).isEqualTo(functionKey);
    assertThat(second.layers().get(0).zip()).isEqualTo(first.layers().get(0).zip());
    assertThat(second.layers().get(0).zip().sha256())
        .isEqualTo(first.layers().get(0).zip().sha256());
  }

  @Test
  void changingOneInputRewritesItsZipAndDeletesTheStaleLayerVersion() throws IOException {
    PackagingResult first = build(request(List.of()));
    Path oldLayer = first.layers().get(0).zip().file();

    // A new release of one library: another file, another digest.
    graph.set(
        2,
        jarArtifact(temp.resolve("repo2"), "com.fasterxml.jackson.core:jackson-databind:2.18.3"));
    PackagingResult second = build(request(List.of()));

    BuiltZip layer = second.layers().get(0);
    assertThat(layer.reused()).isFalse();
    assertThat(layer.zip().sha256()).isNotEqualTo(first.layers().get(0).zip().sha256());
    assertThat(oldLayer).doesNotExist();
    assertThat(layer.zip().file()).exists();
    assertThat(entries(layer.zip().file()))
        .contains("java/lib/com.fasterxml.jackson.core-jackson-databind-2.18.3.jar");
    // The function did not change.
    assertThat(second.function().reused()).isTrue();
    assertThat(zipFiles())
        .containsExactly(layer.zip().file().getFileName().toString(), "my-function-function.zip");
  }

  @Test
  void changingAClassRewritesTheFunctionOnly() throws IOException {
    PackagingResult first = build(request(List.of()));
    Files.writeString(classes.resolve("com/example/Handler.class"), "handler v2, longer");

    PackagingResult second = build(request(List.of()));

    assertThat(second.layers().get(0).reused()).isTrue();
    assertThat(second.function().reused()).isFalse();
    assertThat(second.function().zip().sha256()).isNotEqualTo(first.function().zip().sha256());
  }

  @Test
  void aDeletedZipIsWrittenAgain() throws IOException {
    PackagingResult first = build(request(List.of()));
    Files.delete(first.layers().get(0).zip().file());

    PackagingResult second = build(request(List.of()));

    assertThat(second.layers().get(0).reused()).isFalse();
    assertThat(second.layers().get(0).zip().file()).exists();
    assertThat(second.layers().get(0).zip().sha256())
        .isEqualTo(first.layers().get(0).zip().sha256());
  }

  /**
   * Issue 13 item 8: a user's file named like a layer version in a shared output directory was
   * deleted by name pattern. Only zips this plugin recorded writing may go.
   */
  @Test
  void filesNamedLikeALayerVersionButNotWrittenByThePluginAreKept() throws IOException {
    Files.createDirectories(out);
    Path otherLayerVersion = out.resolve("aws-sdk-0123456789ab.zip");
    Path unrelated = out.resolve("aws-notes.zip");
    Path namedLikeAVersion = out.resolve("aws-0123456789ab.zip");
    for (Path file : List.of(otherLayerVersion, unrelated, namedLikeAVersion)) {
      Files.writeString(file, "x");
    }

    build(request(List.of(rule("aws", "software.amazon.awssdk:*"))));
    graph.set(1, jarArtifact(temp.resolve("repo2"), "software.amazon.awssdk:sdk-core:2.30.1"));
    PackagingResult second = build(request(List.of(rule("aws", "software.amazon.awssdk:*"))));

    assertThat(namedLikeAVersion).hasContent("x");
    assertThat(otherLayerVersion).hasContent("x");
    assertThat(unrelated).hasContent("x");
    assertThat(zipFiles())
        .containsExactlyInAnyOrder(
            "aws-0123456789ab.zip",
            "aws-sdk-0123456789ab.zip",
            "aws-notes.zip",
            second.layers().get(0).zip().file().getFileName().toString(),
            "my-function-function.zip");
  }

  /**
   * Issue 13 item 10: the zips of a renamed layer (or function) stayed beside the new ones, where a
   * {@code *.zip} glob in a deploy script picked both up.
   */
  @Test
  void aRenamedLayerOrFunctionLeavesNoZipOfItsOldNameBehind() throws IOException {
    Files.createDirectories(out);
    Path users = out.resolve("sdk-0123456789ab.zip");
    Files.writeString(users, "x");
    PackagingResult first = build(request(List.of(rule("sdk", "software.amazon.awssdk:*"))));
    Path oldLayer = first.layers().get(0).zip().file();
    assertThat(oldLayer).exists();

    PackagingRequest renamed =
        PackagingRequest.builder(new DependencyGraph(PROJECT, graph))
            .rules(List.of(rule("aws", "software.amazon.awssdk:*")))
            .defaultLayerName("orders")
            .functionName("orders")
            .runtimes(List.of("java21"))
            .classesDirectory(classes)
            .outputDirectory(out)
            .timestamp(TIMESTAMP)
            .build();
    PackagingResult second = build(renamed);

    assertThat(oldLayer).doesNotExist();
    assertThat(out.resolve("my-function-function.zip")).doesNotExist();
    assertThat(users).hasContent("x");
    assertThat(zipFiles())
        .containsExactlyInAnyOrder(
            "sdk-0123456789ab.zip",
            second.layers().get(0).zip().file().getFileName().toString(),
            "orders-function.zip");
    // The old names' records are gone too: building them again writes them afresh.
    assertThat(build(request(List.of(rule("sdk", "software.amazon.awssdk:*")))).function().reused())
        .isFalse();
  }

  @Test
  void explicitRulesGiveOneZipPerLayer() throws IOException {
    PackagingResult result =
        build(
            request(
                List.of(
                    rule("aws", "software.amazon.awssdk:s3"),
                    rule("json", "com.fasterxml.jackson.core:*"))));

    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly("aws", "json");
    assertThat(entries(result.layers().get(0).zip().file()))
        .containsExactly(
            "java/",
            "java/lib/",
            "java/lib/software.amazon.awssdk-s3-2.30.0.jar",
            "java/lib/software.amazon.awssdk-sdk-core-2.30.0.jar");
    assertThat(entries(result.layers().get(1).zip().file()))
        .containsExactly(
            "java/",
            "java/lib/",
            "java/lib/com.fasterxml.jackson.core-jackson-databind-2.18.2.jar");
  }

  @Test
  void anExplicitLayerThatMatchesNothingIsLeftOutWithAWarning() throws IOException {
    PackagingResult result =
        build(
            request(
                List.of(rule("aws", "software.amazon.awssdk:*"), rule("nothing", "org.none:*"))));

    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly("aws");
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("'nothing'")
        .contains("matched no library");
    assertThat(zipFiles()).noneMatch(n -> n.startsWith("nothing"));
  }

  @Test
  void aLayerWhoseLibrariesAnEarlierRuleTookSaysWhichRule() throws IOException {
    PackagingResult result =
        build(
            request(
                List.of(
                    rule("aws", "software.amazon.awssdk:*"),
                    rule("s3", "software.amazon.awssdk:s3"))));

    assertThat(result.layers()).extracting(BuiltZip::name).containsExactly("aws");
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .isEqualTo(
            "Layer 's3' matched no library and is left out: software.amazon.awssdk:s3:2.30.0"
                + " went to layer 'aws', whose rule comes first (a library goes to the first"
                + " rule that matches it). Move the rule for 's3' above 'aws', or exclude"
                + " the library there.");
  }

  @Test
  void symbolicLinksLeavingTheClassesDirectoryLoopingOrToDirectoriesAreRefused()
      throws IOException {
    Path secret = Files.writeString(temp.resolve("secret.txt"), "not for the zip");
    Files.createSymbolicLink(classes.resolve("passwd"), secret);
    Files.createSymbolicLink(classes.resolve("loop-a"), classes.resolve("loop-b"));
    Files.createSymbolicLink(classes.resolve("loop-b"), classes.resolve("loop-a"));
    Files.createSymbolicLink(classes.resolve("pkg"), classes.resolve("com"));
    Path secretReal = secret.toRealPath();
    Path comReal = classes.resolve("com").toRealPath();

    assertThatThrownBy(() -> build(request(List.of())))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.setting() + " " + v.value() + ": " + v.problem())
                    .containsExactly(
                        "CLASSES_DIRECTORY loop-a: is a symbolic link to "
                            + classes.resolve("loop-b")
                            + " that leads nowhere (a loop of links, or a missing target)",
                        "CLASSES_DIRECTORY loop-b: is a symbolic link to "
                            + classes.resolve("loop-a")
                            + " that leads nowhere (a loop of links, or a missing target)",
                        "CLASSES_DIRECTORY passwd: is a symbolic link to "
                            + secretReal
                            + ", outside the classes directory",
                        "CLASSES_DIRECTORY pkg: is a symbolic link to the directory "
                            + comReal
                            + ", whose files would not be packaged"));
    assertThat(out.resolve("my-function-function.zip")).doesNotExist();
  }

  @Test
  void aSymbolicLinkToAFileInsideTheClassesDirectoryIsPackaged() throws IOException {
    Files.createSymbolicLink(classes.resolve("log4j2-test.xml"), classes.resolve("log4j2.xml"));

    PackagingResult result = build(request(List.of()));

    assertThat(entries(result.function().zip().file())).contains("log4j2-test.xml");
  }

  @Test
  void aLayerWithoutIncludesIsAViolation() {
    LayerRule empty = new LayerRule("empty", List.of(), List.of(), true);

    assertThatThrownBy(() -> build(request(List.of(empty))))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.setting()).isEqualTo(Setting.LAYER_INCLUDES);
                          assertThat(v.value()).isEqualTo("empty");
                        }));
    assertThat(out).doesNotExist();
  }

  @Test
  void settingViolationsAreReportedTogetherBeforeWriting() {
    assertThatThrownBy(
            () ->
                build(
                    request(
                        List.of(
                            rule("bad name", "a:b"),
                            new LayerRule("x", List.of(), List.of(), true)),
                        List.of("java22"))))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::setting)
                    .containsExactlyInAnyOrder(
                        Setting.LAYER_NAME, Setting.RUNTIMES, Setting.LAYER_INCLUDES));
    assertThat(out).doesNotExist();
  }

  @Test
  void sixLayersFailBeforeAnyZipIsWritten() throws IOException {
    for (int i = 0; i < 3; i++) {
      graph.add(jarArtifact(repo, "org.extra" + i + ":lib:1.0"));
    }
    List<LayerRule> rules = new ArrayList<>();
    rules.add(rule("l1", "software.amazon.awssdk:*"));
    rules.add(rule("l2", "com.fasterxml.*:*"));
    rules.add(rule("l3", "org.example:*"));
    for (int i = 0; i < 3; i++) {
      rules.add(rule("e" + i, "org.extra" + i + ":*"));
    }

    assertThatThrownBy(() -> build(request(rules)))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::setting)
                    .containsExactly(Setting.LAYERS));
    assertThat(out).doesNotExist();
  }

  @Test
  void overTheUnzippedLimitFails() {
    ResolvedArtifact s3 = graph.get(0);
    graph.set(
        0,
        new ResolvedArtifact(
            s3.coordinates(),
            s3.file(),
            new FileDigest(LambdaLimits.MAX_UNZIPPED_BYTES, s3.sha256(), 0),
            s3.scope(),
            s3.via(),
            false));

    assertThatThrownBy(() -> build(request(List.of())))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::setting)
                    .containsExactly(Setting.DEPENDENCIES));
  }

  @Test
  void noClassesDirectoryGivesAFunctionOfJarsOnly() throws IOException {
    PackagingRequest r = request(List.of());
    PackagingRequest noClasses =
        PackagingRequest.builder(r.graph())
            .rules(r.rules())
            .runtimeProvided(r.runtimeProvided())
            .defaultLayerName(r.defaultLayerName())
            .functionName(r.functionName())
            .runtimes(r.runtimes())
            .architectures(r.architectures())
            .classesDirectory(temp.resolve("missing"))
            .outputDirectory(r.outputDirectory())
            .timestamp(r.timestamp())
            .build();

    assertThat(entries(build(noClasses).function().zip().file()))
        .containsExactly("lib/", "lib/org.example-snap-1.0-SNAPSHOT.jar");
  }

  @Test
  void summaryNamesEveryZip() throws IOException {
    PackagingResult result = build(request(List.of()));
    List<String> lines = BuildSummary.lines(result);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("layer")
        .contains("my-function")
        .contains("3 jars")
        .contains(result.layers().get(0).shortHash())
        .contains("(written)");
    assertThat(lines.get(1)).startsWith("function").contains("1 jar ");
    assertThat(lines.get(2)).contains("smaller than one fat zip");
    assertThat(BuildSummary.lines(build(request(List.of()))).get(0)).contains("(unchanged)");
  }

  @Test
  void aNewProjectTimestampChangesTheFunctionZipButNoLayer() throws IOException {
    PackagingResult first = build(request(List.of(rule("libs", "*:*"))));
    PackagingRequest released = request(List.of(rule("libs", "*:*")));
    released =
        PackagingRequest.builder(released.graph())
            .rules(released.rules())
            .runtimeProvided(released.runtimeProvided())
            .defaultLayerName(released.defaultLayerName())
            .functionName(released.functionName())
            .runtimes(released.runtimes())
            .architectures(released.architectures())
            .classesDirectory(released.classesDirectory())
            .outputDirectory(released.outputDirectory())
            .timestamp(Instant.parse("2027-06-30T12:00:00Z"))
            .build();

    PackagingResult second = build(released);

    assertThat(second.layers().get(0).zip().sha256())
        .isEqualTo(first.layers().get(0).zip().sha256());
    assertThat(second.layers().get(0).reused()).isTrue();
    assertThat(second.function().zip().sha256()).isNotEqualTo(first.function().zip().sha256());
  }

  @Test
  void anInvalidDefaultLayerNameIsRefusedBeforeAnythingIsWritten() {
    PackagingRequest plain = request(List.of());
    PackagingRequest badName =
        PackagingRequest.builder(plain.graph())
            .rules(plain.rules())
            .runtimeProvided(plain.runtimeProvided())
            .defaultLayerName("my.function")
            .functionName(plain.functionName())
            .runtimes(plain.runtimes())
            .architectures(plain.architectures())
            .classesDirectory(plain.classesDirectory())
            .outputDirectory(plain.outputDirectory())
            .timestamp(plain.timestamp())
            .build();

    assertThatThrownBy(() -> build(badName))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigurationException) e).violations())
                    .extracting(Violation::setting, Violation::value)
                    .containsExactly(tuple(Setting.LAYER_NAME, "my.function")));
    assertThat(out).doesNotExist();
  }

  @Test
  void aJarThatChangedBehindTheCacheIsForgottenSoTheRerunSucceeds() throws IOException {
    Path jar = graph.get(0).file();
    // Old enough to be cached (a file modified just now is not trusted by size and time).
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_600_000_000_000L));
    FileDigestCache cache = FileDigestCache.load(out.resolve(".state/digests.txt"));
    cache.digest(jar);
    cache.save(); // as the resolver's hashing of the first build would have
    build(request(List.of(rule("libs", "*:*"))));
    FileTime time = Files.getLastModifiedTime(jar);
    byte[] bytes = Files.readAllBytes(jar);
    bytes[bytes.length - 1] ^= 1; // same size, same time, other bytes
    Files.write(jar, bytes);
    Files.setLastModifiedTime(jar, time);
    Files.delete(
        zipFiles().stream()
            .filter(n -> n.startsWith("libs-"))
            .map(out::resolve)
            .findFirst()
            .orElseThrow());

    assertThatThrownBy(() -> build(request(List.of(rule("libs", "*:*")))))
        .isInstanceOf(InputChangedException.class)
        .hasMessageContaining(jar.getFileName().toString());
    // The resolver asks the cache again on the rerun: it must hash the jar afresh now.
    FileDigest fresh = FileDigestCache.load(out.resolve(".state/digests.txt")).digest(jar);
    assertThat(fresh.crc32()).isNotEqualTo(graph.get(0).digest().crc32());
    ResolvedArtifact stale = graph.get(0);
    graph.set(
        0,
        new ResolvedArtifact(
            stale.coordinates(),
            stale.file(),
            fresh,
            stale.scope(),
            stale.via(),
            stale.reactorModule()));
    assertThat(build(request(List.of(rule("libs", "*:*")))).layers()).hasSize(1);
  }
}
