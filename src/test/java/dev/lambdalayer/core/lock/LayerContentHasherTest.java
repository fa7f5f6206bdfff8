package dev.lambdalayer.core.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import dev.lambdalayer.core.zip.WrittenZip;
import dev.lambdalayer.core.zip.ZipInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerContentHasherTest {

  private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  private ZipInput input(String name, String content) throws Exception {
    Path file = dir.resolve(name.replace('/', '_'));
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return new ZipInput(name, file, FileDigestCache.compute(file), false);
  }

  @Test
  void streamedHashEqualsTheHashOfTheWrittenZip() throws Exception {
    List<ZipInput> inputs =
        List.of(input("java/lib/g-b-1.jar", "bbb"), input("java/lib/g-a-1.jar", "a"));
    ReproducibleZipWriter writer = new ReproducibleZipWriter(TIME);
    WrittenZip written = writer.write(inputs, dir.resolve("out.zip"));
    assertThat(writer.sha256(inputs)).isEqualTo(written.sha256());
    assertThat(Hashes.sha256Hex(Files.readAllBytes(dir.resolve("out.zip"))))
        .isEqualTo(written.sha256());
  }

  @Test
  void usesTheLockedHashWhenTheInputsMatchTheLockfile() throws Exception {
    ZipInput jar = input("java/lib/g-a-1.jar", "a");
    String locked = "f".repeat(64);
    Lockfile lockfile =
        new Lockfile(
            1,
            "g:fn",
            TIME.toString(),
            ReproducibleZipWriter.FORMAT,
            List.of(
                new Lockfile.Layer(
                    "l",
                    List.of("java21"),
                    List.of("x86_64"),
                    locked,
                    Hashes.toBase64(locked),
                    List.of(
                        new Lockfile.Library(
                            Coordinates.of("g", "a", "1"),
                            jar.digest().sha256(),
                            jar.digest().size())),
                    List.of())),
            new Lockfile.Function("fn", List.of()));
    LayerContentHasher hasher = new LayerContentHasher(TIME, null);

    LayerContentHasher.Hashed same = hasher.hash("l", List.of(jar), Optional.of(lockfile));
    assertThat(same)
        .isEqualTo(new LayerContentHasher.Hashed(locked, LayerContentHasher.Source.LOCKFILE));

    ZipInput other = input("java/lib/g-a-1.jar", "changed");
    LayerContentHasher.Hashed changed = hasher.hash("l", List.of(other), Optional.of(lockfile));
    assertThat(changed.source()).isEqualTo(LayerContentHasher.Source.COMPUTED);
    assertThat(changed.sha256()).isEqualTo(new ReproducibleZipWriter(TIME).sha256(List.of(other)));
  }
}
