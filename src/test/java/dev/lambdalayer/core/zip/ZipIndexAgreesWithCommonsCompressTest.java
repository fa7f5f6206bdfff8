package dev.lambdalayer.core.zip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.FileDigestCache;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZipIndex} reads what Commons Compress's {@code ZipFile} reads: the same names in the same
 * order and the same bytes, in zips and in the jars inside them, stored or deflated.
 */
class ZipIndexAgreesWithCommonsCompressTest {

  @TempDir Path temp;

  @Test
  void sameEntriesAndBytesInLayerZipsAndTheJarsInside() throws IOException {
    long seed = System.nanoTime();
    System.out.println("ZipIndexAgreesWithCommonsCompressTest seed " + seed);
    Random random = new Random(seed);
    Path deflatedJar = jar(temp.resolve("a-1.0.jar"), random, ZipEntry.DEFLATED);
    Path storedJar = jar(temp.resolve("b-2.0.jar"), random, ZipEntry.STORED);
    List<ZipInput> inputs = new ArrayList<>();
    for (Path jar : List.of(deflatedJar, storedJar)) {
      inputs.add(
          new ZipInput("java/lib/" + jar.getFileName(), jar, FileDigestCache.compute(jar), false));
    }
    Path storedLayer = temp.resolve("layer.zip");
    new ReproducibleZipWriter(Instant.parse("2026-03-08T02:30:00Z")).write(inputs, storedLayer);
    // Jars deflated inside the zip take ZipIndex's other path: inflated into memory.
    Path deflatedLayer = temp.resolve("deflated-layer.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(deflatedLayer))) {
      for (Path jar : List.of(deflatedJar, storedJar)) {
        zip.putNextEntry(new ZipEntry("java/lib/" + jar.getFileName()));
        zip.write(Files.readAllBytes(jar));
      }
    }

    for (Path layer : List.of(storedLayer, deflatedLayer)) {
      try (FileChannel channel = FileChannel.open(layer, StandardOpenOption.READ)) {
        ZipIndex index =
            ZipIndex.read(ZipIndex.ByteSource.of(channel), 0, channel.size(), layer.toString());
        CommonsCompressZipReader reference = CommonsCompressZipReader.open(channel, "reference");
        assertSame(index, reference);
        for (ZipIndex.Entry jar : index.entries().values()) {
          if (jar.name().endsWith(".jar")) {
            assertSame(index.nested(jar), reference.nested(reference.entries().get(jar.name())));
          }
        }
      }
    }
  }

  private static void assertSame(ZipIndex index, CommonsCompressZipReader reference)
      throws IOException {
    assertThat(index.entries().keySet()).containsExactlyElementsOf(reference.entries().keySet());
    Inflater inflater = new Inflater(true);
    try {
      for (Map.Entry<String, ZipArchiveEntry> e : reference.entries().entrySet()) {
        byte[] expected = reference.bytes(e.getValue(), inflater);
        assertThat(index.bytes(index.entries().get(e.getKey()), inflater))
            .as(e.getKey())
            .isEqualTo(expected);
      }
    } finally {
      inflater.end();
    }
  }

  /** A jar of random classes (some over 64 KiB), a directory, an empty file, a non-ASCII name. */
  private static Path jar(Path file, Random random, int method) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.setMethod(method);
      put(zip, "META-INF/", new byte[0], method);
      put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(), method);
      put(zip, "empty.txt", new byte[0], method);
      put(zip, "grüße/名前.properties", "a=b\n".getBytes(StandardCharsets.UTF_8), method);
      int classes = 50 + random.nextInt(100);
      for (int i = 0; i < classes; i++) {
        byte[] body = new byte[random.nextInt(10) == 0 ? 70_000 : random.nextInt(3_000)];
        // Half random, half repetitive: both stored-like and well-compressible data.
        for (int j = 0; j < body.length; j++) {
          body[j] = (byte) (j < body.length / 2 ? random.nextInt() : j % 7);
        }
        put(zip, "com/example/p" + (i % 5) + "/C" + i + ".class", body, method);
      }
    }
    return file;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes, int method)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    if (method == ZipEntry.STORED) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(bytes);
      entry.setSize(bytes.length);
      entry.setCompressedSize(bytes.length);
      entry.setCrc(crc.getValue());
    }
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }
}
