package dev.lambdalayer.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 9: temporaries left by a run killed with kill -9 (beside the lockfile, in the
 * output directory) stayed forever. The next run removes them, and only them.
 */
class InterruptedRunLeftoversTest {

  @TempDir Path temp;

  private static Path file(Path file, Instant modified) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "partial");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  void theNextBuildRemovesTheTemporariesAKilledBuildLeftInTheOutputDirectory() throws IOException {
    Path out = temp.resolve("target/lambda");
    Instant killed = Instant.now().minus(2, ChronoUnit.HOURS);
    List<Path> leftovers =
        List.of(
            file(out.resolve("..pending-layer-libs.zip.3f9a0c1d2e4b5a69.tmp"), killed),
            file(out.resolve(".pending-layer-libs.zip"), killed),
            file(out.resolve(".build.json.a1b2c3.tmp"), killed),
            file(out.resolve(".state/.layer-libs.state.1234abcd.tmp"), killed));
    Path users = file(out.resolve(".notes.txt.1234abcd.tmp"), killed);
    Path usersZip = file(out.resolve("notes.zip"), killed);
    // Written after this run started: it may belong to a write in progress.
    Path inFlight =
        file(out.resolve("..pending-layer-other.zip.77.tmp"), Instant.now().plusSeconds(5));

    new LambdaPackager(FileDigestCache.load(out.resolve(".state/digests.txt")))
        .build(
            PackagingRequest.builder(new DependencyGraph(TestFiles.PROJECT, List.of()))
                .defaultLayerName("fn")
                .functionName("fn")
                .runtimes(List.of("java21"))
                .outputDirectory(out)
                .build());

    leftovers.forEach(f -> assertThat(f).doesNotExist());
    assertThat(users).exists();
    assertThat(usersZip).exists();
    assertThat(inFlight).exists();
  }

  @Test
  void readingTheLockfileRemovesTheTemporariesOfAKilledWrite() throws IOException {
    Instant killed = Instant.now().minus(2, ChronoUnit.HOURS);
    Path leftover = file(temp.resolve(".lambda-layers.lock.json.9f8e7d6c5b4a3921.tmp"), killed);
    Path otherFiles = file(temp.resolve(".pom.xml.9f8e7d6c5b4a3921.tmp"), killed);
    Path inFlight =
        file(temp.resolve(".lambda-layers.lock.json.abc.tmp"), Instant.now().plusSeconds(5));

    assertThat(LockfileCodec.read(temp.resolve("lambda-layers.lock.json"))).isEmpty();

    assertThat(leftover).doesNotExist();
    assertThat(otherFiles).exists();
    assertThat(inFlight).exists();
  }
}
