package dev.lambdalayer.core.zip;

import dev.lambdalayer.core.model.FileDigestCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one zip of fixed inputs with {@link ReproducibleZipWriter}. Run in-process by the tests
 * and as a main class in another JDK, so both outputs can be compared byte for byte.
 */
public final class ZipFixture {

  static final Instant TIMESTAMP = Instant.parse("2026-03-15T13:45:30Z");

  private ZipFixture() {}

  /** Usage: {@code ZipFixture <work directory> <zip file>}. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), Path.of(args[1]));
  }

  static WrittenZip write(Path workDirectory, Path zip) throws IOException {
    List<ZipInput> inputs = new ArrayList<>();
    inputs.add(input(workDirectory, "java/lib/org.example-lib-1.0.jar", bytes(70_000, 7), false));
    inputs.add(input(workDirectory, "java/lib/com.example-a-2.0.jar", bytes(3_000, 3), false));
    inputs.add(input(workDirectory, "bootstrap", "#!/bin/sh\necho hi\n", true));
    inputs.add(input(workDirectory, "com/example/Handler.class", bytes(1_234, 1), false));
    inputs.add(input(workDirectory, "empty.txt", new byte[0], false));
    inputs.add(input(workDirectory, "unicode-ä-名前.txt", "ü\n", false));
    return new ReproducibleZipWriter(TIMESTAMP).write(inputs, zip);
  }

  private static ZipInput input(Path dir, String name, String text, boolean executable)
      throws IOException {
    return input(dir, name, text.getBytes(StandardCharsets.UTF_8), executable);
  }

  private static ZipInput input(Path dir, String name, byte[] content, boolean executable)
      throws IOException {
    Path file = dir.resolve("input-" + Integer.toHexString(name.hashCode()));
    Files.createDirectories(dir);
    Files.write(file, content);
    return new ZipInput(name, file, FileDigestCache.compute(file), executable);
  }

  /** Deterministic, poorly compressible bytes. */
  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    long x = seed * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < size; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      bytes[i] = (byte) x;
    }
    return bytes;
  }
}
