package dev.lambdalayer.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestCacheTest {

  private static final FileTime MTIME = FileTime.fromMillis(1_700_000_000_000L);

  @TempDir Path temp;

  private Path file(String name, String content, FileTime mtime) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, mtime);
    return file;
  }

  private static FileDigest expected(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return new FileDigest(bytes.length, Hashes.sha256Hex(bytes), crc.getValue());
  }

  private Path jar(String name, int entries) throws IOException {
    Path file = temp.resolve(name);
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < entries; i++) {
        zip.putNextEntry(new java.util.zip.ZipEntry("e" + i + ".txt"));
        zip.write(("entry " + i).repeat(100).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    Files.setLastModifiedTime(file, MTIME);
    return file;
  }

  @Test
  void aJarIsCheckedOnceAndTheCheckIsRemembered() throws IOException {
    Path cacheFile = temp.resolve("digests.txt");
    Path jar = jar("good.jar", 5);
    FileDigestCache first = FileDigestCache.load(cacheFile);
    FileDigest digest = first.digestJar(jar, "g:good:1", true);
    assertThat(digest).isEqualTo(FileDigestCache.compute(jar));
    assertThat(first.checkingNanos()).isPositive();
    first.save();

    FileDigestCache second = FileDigestCache.load(cacheFile);
    assertThat(second.digestJar(jar, "g:good:1", true)).isEqualTo(digest);
    assertThat(second.hashedBytes()).isZero();
    assertThat(second.checkingNanos()).isZero();
  }

  @Test
  void aTruncatedJarIsRefusedNamingTheFileAndTheFixAndIsNotRemembered() throws IOException {
    Path cacheFile = temp.resolve("digests.txt");
    Path whole = jar("whole.jar", 20);
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = temp.resolve("repo/g/broken/1.0/broken-1.0.jar");
    Files.createDirectories(truncated.getParent());
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Files.setLastModifiedTime(truncated, MTIME);
    FileDigestCache cache = FileDigestCache.load(cacheFile);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> cache.digestJar(truncated, "g:broken:1.0", true))
        .isInstanceOf(BrokenJarException.class)
        .hasMessageContaining("The jar of g:broken:1.0 is broken: " + truncated)
        .hasMessageContaining("is not a readable zip")
        .hasMessageContaining("delete the folder " + truncated.getParent())
        .hasMessageContaining("build again online");
    cache.save();
    // Checked again next time: a broken jar is never remembered as checked.
    FileDigestCache next = FileDigestCache.load(cacheFile);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> next.digestJar(truncated, "g:broken:1.0", true))
        .isInstanceOf(BrokenJarException.class);
  }

  @Test
  void anEmptyJarOrOneOfAReactorModuleSaysHowToRebuildIt() throws IOException {
    Path empty = file("module.jar", "", MTIME);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FileDigestCache.load(null).digestJar(empty, "g:module:1.0-SNAPSHOT", false))
        .isInstanceOf(BrokenJarException.class)
        .hasMessageContaining("(the file is empty)")
        .hasMessageContaining("rebuild the module that makes it");
  }

  @Test
  void computesSha256AndCrc32() throws IOException {
    Path file = file("a.jar", "hello", MTIME);
    FileDigest digest = FileDigestCache.compute(file);
    assertThat(digest.sha256())
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(digest.crc32()).isEqualTo(0x3610a686L);
    assertThat(digest.size()).isEqualTo(5);
  }

  @Test
  void computesLargeFilesInChunks() throws IOException {
    String content = "0123456789abcdef".repeat(20_000); // 320,000 bytes, several buffers
    assertThat(FileDigestCache.compute(file("big.jar", content, MTIME)))
        .isEqualTo(expected(content));
  }

  @Test
  void emptyFile() throws IOException {
    assertThat(FileDigestCache.compute(file("empty", "", MTIME))).isEqualTo(expected(""));
  }

  @Test
  void reusesTheCachedDigestWhileSizeAndMtimeAreUnchanged() throws IOException {
    FileDigestCache cache = FileDigestCache.load(null);
    Path file = file("a.jar", "aaaa", MTIME);
    assertThat(cache.digest(file)).isEqualTo(expected("aaaa"));

    // Same size, same mtime: the cache cannot tell, and must not read the file again.
    file("a.jar", "bbbb", MTIME);
    assertThat(cache.digest(file)).isEqualTo(expected("aaaa"));

    // A new mtime makes it read the file again.
    Files.setLastModifiedTime(file, FileTime.fromMillis(MTIME.toMillis() + 1000));
    assertThat(cache.digest(file)).isEqualTo(expected("bbbb"));
  }

  @Test
  void aNewSizeIsRecomputedEvenWithTheSameMtime() throws IOException {
    FileDigestCache cache = FileDigestCache.load(null);
    Path file = file("a.jar", "aaaa", MTIME);
    cache.digest(file);
    file("a.jar", "aaaaa", MTIME);
    assertThat(cache.digest(file)).isEqualTo(expected("aaaaa"));
  }

  @Test
  void saveAndLoadRoundTrip() throws IOException {
    Path cacheFile = temp.resolve("state/digests.txt");
    FileDigestCache first = FileDigestCache.load(cacheFile);
    Path a = file("a.jar", "aaaa", MTIME);
    Path b = file("b b.jar", "with a space in the name", MTIME);
    first.digest(a);
    first.digest(b);
    first.save();
    assertThat(cacheFile).exists();
    String saved = Files.readString(cacheFile);

    // Change both files behind the cache's back, keeping size and mtime: a loaded cache that
    // really was loaded still answers with the old digests.
    file("a.jar", "zzzz", MTIME);
    file("b b.jar", "WITH A SPACE IN THE NAME", MTIME);
    FileDigestCache second = FileDigestCache.load(cacheFile);
    assertThat(second.digest(a)).isEqualTo(expected("aaaa"));
    assertThat(second.digest(b)).isEqualTo(expected("with a space in the name"));

    // Nothing new: save leaves the file as it was.
    second.save();
    assertThat(Files.readString(cacheFile)).isEqualTo(saved);
  }

  @Test
  void aDamagedCacheFileIsIgnored() throws IOException {
    Path cacheFile = temp.resolve("digests.txt");
    Path a = file("a.jar", "aaaa", MTIME);
    FileDigestCache first = FileDigestCache.load(cacheFile);
    first.digest(a);
    first.save();
    String good = Files.readString(cacheFile);
    file("a.jar", "zzzz", MTIME);

    Files.writeString(cacheFile, good + "not\ta\tvalid line\n");
    assertThat(FileDigestCache.load(cacheFile).digest(a)).isEqualTo(expected("zzzz"));

    Files.writeString(cacheFile, good.replace(Long.toString(MTIME.toMillis()), "soon"));
    assertThat(FileDigestCache.load(cacheFile).digest(a)).isEqualTo(expected("zzzz"));

    Files.write(cacheFile, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertThat(FileDigestCache.load(cacheFile).digest(a)).isEqualTo(expected("zzzz"));
  }

  @Test
  void aCacheWithAnotherHeaderIsIgnored() throws IOException {
    Path cacheFile = temp.resolve("digests.txt");
    Path a = file("a.jar", "aaaa", MTIME);
    FileDigestCache first = FileDigestCache.load(cacheFile);
    first.digest(a);
    first.save();
    file("a.jar", "zzzz", MTIME);

    String lines = Files.readString(cacheFile);
    Files.writeString(cacheFile, lines.replaceFirst("v2", "v0"));
    assertThat(FileDigestCache.load(cacheFile).digest(a)).isEqualTo(expected("zzzz"));
  }

  @Test
  void aMissingCacheFileIsFine() throws IOException {
    Path a = file("a.jar", "aaaa", MTIME);
    FileDigestCache cache = FileDigestCache.load(temp.resolve("no/such/file"));
    assertThat(cache.digest(a)).isEqualTo(expected("aaaa"));
  }
}
