package dev.lambdalayer.core.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Hashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zips are taken by content: this build's if the hash fits, else a download whose hash fits. */
class VerifiedZipsTest {

  private static String codeSha256(byte[] bytes) {
    return Hashes.toBase64(Hashes.sha256Hex(bytes));
  }

  @Test
  void aZipOfThisBuildWithTheHashIsTakenAndNothingIsDownloaded(@TempDir Path dir) throws Exception {
    byte[] bytes = "layer bytes".getBytes(StandardCharsets.UTF_8);
    Path zip = Files.write(dir.resolve("jackson-abc.zip"), bytes);
    Files.write(dir.resolve("other.zip"), "other".getBytes(StandardCharsets.UTF_8));
    VerifiedZips zips = new VerifiedZips(List.of(dir), dir.resolve("promoted"));

    VerifiedZips.Zip found = zips.local(codeSha256(bytes));

    assertThat(found.file()).isEqualTo(zip);
    assertThat(found.downloaded()).isFalse();
    assertThat(found.codeSha256()).isEqualTo(codeSha256(bytes));
    assertThat(zips.local(codeSha256("missing".getBytes(StandardCharsets.UTF_8)))).isNull();
  }

  @Test
  void aDownloadIsKeptUnderItsContentWhenItsHashFits(@TempDir Path dir) throws Exception {
    byte[] bytes = "function bytes".getBytes(StandardCharsets.UTF_8);
    VerifiedZips zips = new VerifiedZips(List.of(dir), dir.resolve("promoted"));

    VerifiedZips.Zip zip =
        zips.download("function hello", "function-hello", codeSha256(bytes), f -> write(f, bytes));

    assertThat(zip.downloaded()).isTrue();
    assertThat(zip.file().getFileName().toString())
        .isEqualTo("function-hello-" + Hashes.sha256Hex(bytes).substring(0, 12) + ".zip");
    assertThat(Files.readAllBytes(zip.file())).isEqualTo(bytes);
  }

  @Test
  void aDownloadWithOtherBytesIsRefusedAndNotKept(@TempDir Path dir) {
    byte[] expected = "what staging runs".getBytes(StandardCharsets.UTF_8);
    byte[] served = "something else".getBytes(StandardCharsets.UTF_8);
    Path downloads = dir.resolve("promoted");
    VerifiedZips zips = new VerifiedZips(List.of(dir), downloads);

    assertThatThrownBy(
            () -> zips.download("layer a", "a", codeSha256(expected), f -> write(f, served)))
        .isInstanceOfSatisfying(
            PromoteRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PromoteRefusedException.Reason.HASH_MISMATCH);
              assertThat(e.problems().get(0))
                  .startsWith("layer a: the downloaded zip has CodeSha256 " + codeSha256(served))
                  .contains("the source reports " + codeSha256(expected));
            });
    assertThat(downloads.toFile().list()).isEmpty();
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
