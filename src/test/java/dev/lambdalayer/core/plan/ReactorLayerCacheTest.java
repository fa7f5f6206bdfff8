package dev.lambdalayer.core.plan;

import static dev.lambdalayer.core.model.TestFiles.jarArtifact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.zip.UpToDateCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorLayerCacheTest {

  private static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path temp;
  private Path cache;
  private List<ResolvedArtifact> shared;

  @BeforeEach
  void setUp() throws IOException {
    Path repo = temp.resolve("repo");
    cache = temp.resolve("target/lambda-layer-cache");
    shared =
        List.of(
            jarArtifact(repo, "com.fasterxml.jackson.core:jackson-databind:2.18.2"),
            jarArtifact(repo, "org.slf4j:slf4j-api:2.0.17"));
  }

  private PackagingResult build(String module, Path reactorCache) throws IOException {
    Path base = temp.resolve(module);
    Path classes = base.resolve("target/classes/com/example");
    Files.createDirectories(classes);
    Files.writeString(classes.resolve("Handler.class"), module);
    Path out = base.resolve("target/lambda");
    PackagingRequest request =
        PackagingRequest.builder(
                new DependencyGraph(Coordinates.of("com.example", module, "1.0"), shared))
            .defaultLayerName("platform")
            .functionName(module)
            .runtimes(List.of("java21"))
            .classesDirectory(base.resolve("target/classes"))
            .outputDirectory(out)
            .timestamp(TIMESTAMP)
            .reactorCache(reactorCache)
            .build();
    return new LambdaPackager(FileDigestCache.load(out.resolve(".state/digests.txt")))
        .build(request);
  }

  @Test
  void theSecondModuleLinksTheLayerTheFirstWrote() throws IOException {
    BuiltZip first = build("orders", cache).layers().get(0);
    BuiltZip second = build("billing", cache).layers().get(0);

    assertThat(first.shared()).isFalse();
    assertThat(first.reused()).isFalse();
    assertThat(second.shared()).isTrue();
    assertThat(second.zip().file())
        .isEqualTo(temp.resolve("billing/target/lambda/platform-" + first.shortHash() + ".zip"));
    assertThat(second.zip())
        .usingRecursiveComparison()
        .ignoringFields("file")
        .isEqualTo(first.zip());
    assertThat(Files.readAllBytes(second.zip().file()))
        .isEqualTo(Files.readAllBytes(first.zip().file()));
    // Written once: one file, linked into both modules.
    assertThat(Files.isSameFile(first.zip().file(), second.zip().file())).isTrue();
    assertThat(BuildSummary.lines(build("shipping", cache)).toString()).contains("(shared)");
  }

  @Test
  void aSharedZipIsUpToDateInTheNextBuild() throws IOException {
    build("orders", cache);
    build("billing", cache);

    BuiltZip again = build("billing", cache).layers().get(0);

    assertThat(again.reused()).isTrue();
    assertThat(again.shared()).isFalse();
  }

  @Test
  void withoutACacheEveryModuleWritesItsOwn() throws IOException {
    BuiltZip first = build("orders", null).layers().get(0);
    BuiltZip second = build("billing", null).layers().get(0);

    assertThat(second.shared()).isFalse();
    assertThat(second.zip().sha256()).isEqualTo(first.zip().sha256());
    assertThat(Files.isSameFile(first.zip().file(), second.zip().file())).isFalse();
    assertThat(Files.exists(cache)).isFalse();
  }

  @Test
  void modulesBuiltInParallelEndUpWithOneFile() throws Exception {
    List<String> modules = List.of("a", "b", "c", "d", "e", "f");
    ExecutorService pool = Executors.newFixedThreadPool(modules.size());
    try {
      List<Callable<BuiltZip>> tasks = new ArrayList<>();
      modules.forEach(m -> tasks.add(() -> build(m, cache).layers().get(0)));
      List<BuiltZip> zips = new ArrayList<>();
      for (Future<BuiltZip> f : pool.invokeAll(tasks)) {
        zips.add(f.get());
      }
      // Written once: the others waited for the first module's claim and linked its zip.
      assertThat(zips).filteredOn(z -> !z.shared()).hasSize(1);
      for (BuiltZip zip : zips) {
        assertThat(Files.isSameFile(zip.zip().file(), zips.get(0).zip().file())).isTrue();
        assertThat(zip.zip().sha256()).isEqualTo(zips.get(0).zip().sha256());
      }
      try (Stream<Path> entries = Files.list(cache)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .hasSize(2)
            .allMatch(n -> n.endsWith(".zip") || n.endsWith(".meta")); // no claim left behind
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theClaimOfAKilledBuildIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    BuiltZip first = build("orders", null).layers().get(0);
    String fingerprint =
        UpToDateCheck.fingerprint(
            PackagingRequest.LAYER_TIMESTAMP,
            shared.stream().map(LambdaPackager::layerInput).toList());
    Files.createDirectories(cache);
    Files.writeString(cache.resolve(fingerprint + ".writing"), Long.toString(gone.pid()));

    BuiltZip second = build("billing", cache).layers().get(0);

    assertThat(second.shared()).isFalse();
    assertThat(second.zip().sha256()).isEqualTo(first.zip().sha256());
    assertThat(cache.resolve(fingerprint + ".writing")).doesNotExist();
    assertThat(build("shipping", cache).layers().get(0).shared()).isTrue();
  }
}
