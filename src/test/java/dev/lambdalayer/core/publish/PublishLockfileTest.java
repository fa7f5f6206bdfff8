package dev.lambdalayer.core.publish;

import static dev.lambdalayer.core.model.TestFiles.PROJECT;
import static dev.lambdalayer.core.model.TestFiles.jarArtifact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.TestFiles;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.plan.LayerRule;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishLockfileTest {

  private static final String DATABIND = "com.fasterxml.jackson.core:jackson-databind:2.18.2";
  private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:";

  @TempDir Path temp;
  private Path repo;
  private Path out;
  private Path lockfile;
  private List<ResolvedArtifact> graph;

  @BeforeEach
  void setUp() throws IOException {
    repo = temp.resolve("repo");
    out = temp.resolve("target/lambda");
    lockfile = temp.resolve(Lockfile.DEFAULT_FILE_NAME);
    graph =
        new ArrayList<>(
            List.of(
                jarArtifact(repo, DATABIND),
                jarArtifact(repo, "com.fasterxml.jackson.core:jackson-core:2.18.2", DATABIND),
                jarArtifact(repo, "org.example:util:1.0")));
  }

  private PackagingRequest request(String layerName) {
    return PackagingRequest.builder(new DependencyGraph(PROJECT, graph))
        .rules(
            List.of(
                new LayerRule(
                    layerName,
                    Stream.of("com.fasterxml.jackson.core:*")
                        .map(i -> ArtifactPattern.parse(i, Setting.LAYER_INCLUDES))
                        .toList(),
                    List.of(),
                    true)))
        .defaultLayerName("my-function")
        .functionName("my-function")
        .runtimes(List.of("java21"))
        .classesDirectory(null)
        .outputDirectory(out)
        .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  /** Builds the zips with a layer named {@code layerName} and opens the lockfile against them. */
  private PublishLockfile open(String layerName) throws IOException {
    PackagingRequest request = request(layerName);
    PackagingResult built =
        new LambdaPackager(FileDigestCache.load(out.resolve(".state/digests.txt"))).build(request);
    return PublishLockfile.open(lockfile, Lockfile.DEFAULT_FILE_NAME, request, built);
  }

  private static PublishedLayer published(Lockfile.Layer layer, String region, long version) {
    return new PublishedLayer(
        layer.name(),
        region,
        "123456789012",
        ARN.replace("eu-west-1", region) + layer.name() + ":" + version,
        version,
        layer.sha256(),
        layer.codeSha256(),
        PublishedLayer.Outcome.PUBLISHED,
        100);
  }

  @Test
  void withoutALockfileNothingIsLockedRetiredOrRefused() throws IOException {
    PublishLockfile lock = open("jackson");
    Lockfile.Layer jackson = lock.lockfile().layer("jackson").orElseThrow();

    assertThat(lock.lockedVersion("jackson", jackson.sha256(), "eu-west-1")).isEmpty();
    assertThat(lock.integrityFailures()).isEmpty();
    assertThat(lock.recordedDrift()).isEmpty();
    assertThat(lock.retiredLayers()).isEmpty();
    assertThat(lock.layerLibraries(ARN + "jackson:1")).isEmpty();
    assertThat(lockfile).doesNotExist();
  }

  @Test
  void recordedVersionsAreWrittenAtOnceAndLockedForTheirContentAndRegion() throws IOException {
    PublishLockfile lock = open("jackson");
    Lockfile.Layer jackson = lock.lockfile().layer("jackson").orElseThrow();

    lock.record(List.of(published(jackson, "eu-west-1", 3)));

    assertThat(lock.lockedVersion("jackson", jackson.sha256(), "eu-west-1"))
        .isEqualTo(OptionalLong.of(3));
    assertThat(lock.lockedVersion("jackson", jackson.sha256(), "us-east-1")).isEmpty();
    assertThat(lock.lockedVersion("jackson", "0".repeat(64), "eu-west-1")).isEmpty();
    assertThat(
            LockfileCodec.read(lockfile).orElseThrow().layer("jackson").orElseThrow().published())
        .extracting(Lockfile.Published::layerVersionArn)
        .containsExactly(ARN + "jackson:3");

    lock.record(List.of(published(jackson, "eu-west-1", 4), published(jackson, "us-east-1", 1)));
    assertThat(lock.lockedVersion("jackson", jackson.sha256(), "eu-west-1"))
        .isEqualTo(OptionalLong.of(4));

    PublishLockfile next = open("jackson");
    assertThat(next.lockedVersion("jackson", jackson.sha256(), "us-east-1"))
        .isEqualTo(OptionalLong.of(1));
    assertThat(next.integrityFailures()).isEmpty();
    assertThat(next.recordedDrift()).isEmpty();
  }

  @Test
  void aJarWithOtherBytesUnderLockedCoordinatesIsRefused() throws IOException {
    PublishLockfile first = open("jackson");
    first.record(List.of());
    ResolvedArtifact locked = graph.get(0);
    TestFiles.writeJar(locked.file(), "other bytes under the same coordinates");
    graph.set(
        0,
        new ResolvedArtifact(
            locked.coordinates(),
            locked.file(),
            FileDigestCache.compute(locked.file()),
            locked.scope(),
            locked.via(),
            false));

    PublishLockfile lock = open("jackson");

    assertThat(lock.integrityFailures())
        .singleElement()
        .asString()
        .startsWith("jackson: checksum mismatch for " + DATABIND + ": the lockfile records");
    assertThat(lock.recordedDrift())
        .allSatisfy(drift -> assertThat(drift).doesNotContain("checksum mismatch"));
  }

  @Test
  void otherDriftIsRecordedButDoesNotRefuse() throws IOException {
    open("jackson").record(List.of());
    graph.add(jarArtifact(repo, "org.example:extra:2.0"));

    PublishLockfile lock = open("jackson");

    assertThat(lock.integrityFailures()).isEmpty();
    assertThat(lock.recordedDrift())
        .containsExactly("org.example:extra:2.0 was added (it is resolved, but not locked)");
  }

  @Test
  void aRenamedLayerRetiresThePublishedOneAndTellsWhatItsVersionsHeld() throws IOException {
    PublishLockfile first = open("old");
    Lockfile.Layer old = first.lockfile().layer("old").orElseThrow();
    first.record(List.of(published(old, "eu-west-1", 3)));

    PublishLockfile lock = open("jackson");

    assertThat(lock.retiredLayers()).containsExactly(ARN + "old");
    assertThat(lock.layerLibraries(ARN + "old:3"))
        .containsExactlyInAnyOrder(
            "com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.core:jackson-core");
    assertThat(lock.layerLibraries(ARN + "old:2")).isEmpty();
    assertThat(Files.readString(lockfile)).contains(ARN + "old:3");
  }
}
