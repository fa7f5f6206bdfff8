package dev.lambdalayer.core.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crafted zips, written raw, for every entry {@link SafeUnzipper} must refuse, and one it keeps.
 */
class SafeUnzipperTest {

  @TempDir Path dir;

  private Path zip(Map<String, byte[]> entries) throws IOException {
    Path zip = dir.resolve("crafted.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private boolean anythingOutside(Path target) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.anyMatch(
          p ->
              Files.isRegularFile(p)
                  && !p.startsWith(target)
                  && !p.getFileName().toString().endsWith(".zip"));
    }
  }

  @Test
  void unpacksAnOrdinaryZipAndLetsALaterZipReplaceAFile() throws IOException {
    Map<String, byte[]> first = new LinkedHashMap<>();
    first.put("java/", new byte[0]);
    first.put("java/lib/a.jar", text("first"));
    Path target = dir.resolve("opt");
    SafeUnzipper.Unpacked unpacked = new SafeUnzipper().unpack(zip(first), target);
    assertThat(unpacked.files()).isEqualTo(1);
    assertThat(unpacked.bytes()).isEqualTo(5);
    new SafeUnzipper().unpack(zip(Map.of("java/lib/a.jar", text("second!"))), target);
    assertThat(Files.readString(target.resolve("java/lib/a.jar"))).isEqualTo("second!");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../evil",
        "java/../../evil",
        "..\\evil",
        "java\\..\\..\\evil",
        "/tmp/evil",
        "\\tmp\\evil",
        "C:/evil",
        "c:evil",
        "D:\\evil"
      })
  void refusesEveryEntryOutsideTheFolderAndWritesNothing(String name) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("ok.txt", text("fine"));
    entries.put(name, text("evil"));
    Path zip = zip(entries);
    Path target = dir.resolve("task");
    assertThatThrownBy(() -> new SafeUnzipper().unpack(zip, target))
        .isInstanceOf(UnsafeZipException.class)
        .hasMessageContaining(zip.toString())
        .satisfies(
            e -> {
              // Commons Compress reports a DOS-made name with slashes: either spelling is named.
              String entry = ((UnsafeZipException) e).entry();
              assertThat(entry.replace('\\', '/')).isEqualTo(name.replace('\\', '/'));
              assertThat(e).hasMessageContaining("'" + entry + "'");
            });
    assertThat(target.resolve("ok.txt")).doesNotExist();
    assertThat(anythingOutside(target)).isFalse();
  }

  @Test
  void refusesASymbolicLinkEntry() throws IOException {
    Path zip = dir.resolve("link.zip");
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
      ZipArchiveEntry link = new ZipArchiveEntry("java/lib/link.jar");
      link.setUnixMode(0120777);
      out.putArchiveEntry(link);
      out.write(text("/etc/passwd"));
      out.closeArchiveEntry();
    }
    assertThatThrownBy(() -> new SafeUnzipper().unpack(zip, dir.resolve("opt")))
        .isInstanceOf(UnsafeZipException.class)
        .hasMessageContaining("'java/lib/link.jar' is a symbolic link");
  }

  @Test
  void refusesAnEntryThatInflatesFarBeyondItsStoredSize() throws IOException {
    Path zip = zip(Map.of("zeros.bin", new byte[4 << 20]));
    assertThatThrownBy(() -> new SafeUnzipper().unpack(zip, dir.resolve("t")))
        .isInstanceOf(UnsafeZipException.class)
        .hasMessageContaining("'zeros.bin' inflates to more than 200 times");
  }

  @Test
  void refusesAZipPastTheTotalSizeCountingRealBytes() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a.bin", new byte[600]);
    entries.put("b.bin", new byte[600]);
    Path zip = zip(entries);
    SafeUnzipper small = new SafeUnzipper(new SafeUnzipper.Limits(1000, 10, 200));
    assertThatThrownBy(() -> small.unpack(zip, dir.resolve("t")))
        .isInstanceOf(UnsafeZipException.class)
        .hasMessageContaining("'b.bin' unpacks past the limit of 1000 bytes");
  }

  @Test
  void refusesAZipWithTooManyEntries() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      entries.put("f" + i, text("x"));
    }
    Path zip = zip(entries);
    SafeUnzipper small = new SafeUnzipper(new SafeUnzipper.Limits(1000, 3, 200));
    assertThatThrownBy(() -> small.unpack(zip, dir.resolve("t")))
        .isInstanceOf(UnsafeZipException.class)
        .hasMessageContaining("'f3' is past the limit of 3 entries");
    assertThat(dir.resolve("t/f0")).doesNotExist();
  }

  @Test
  void theDefaultsAllowWhatLambdaAllows() {
    assertThat(SafeUnzipper.Limits.DEFAULT.maxBytes()).isGreaterThan(262_144_000L);
    assertThat(SafeUnzipper.Limits.DEFAULT.maxEntries()).isEqualTo(100_000);
  }
}
