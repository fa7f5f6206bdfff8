package dev.lambdalayer.core.zip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.OutputTimestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the SHA-256 of zips written from fixed inputs. A layer's identity is the hash of its bytes,
 * so any change here publishes a new version of every user's layers: a failing pin means {@link
 * ReproducibleZipWriter#FORMAT} must change too, deliberately, never by a refactoring.
 */
class GoldenZipBytesTest {

  /** A configured timestamp with hours, minutes and even seconds, in no daylight-saving gap. */
  private static final Instant CONFIGURED = Instant.parse("2026-03-15T13:45:30Z");

  /** Late in zip's range: libraries add extended-timestamp fields past 2097, we must not. */
  private static final Instant LATE = Instant.parse("2101-07-04T10:20:40Z");

  // Pinned from the writer of 2026-12-02, format "stored-sorted-v2".
  private static final String FUNCTION_DEFAULT =
      "f16b2926d58370ee90cd42fdda2bc98915802a39a0208880a93aeca51a841539";
  private static final String FUNCTION_CONFIGURED =
      "0a84a42f5f3c5b7d08366cd86fc982a078aaacc6a0a8538bd02760a1bda93163";
  private static final String LAYER_DEFAULT =
      "47346d768301ef392621ae8aaecb70c5ae7594369f4facf45b85e9aaf7203bce";
  private static final String LAYER_LATE =
      "cca87e02935e0c8d148a5ccedc4606c5b09833b05d87bce8e93fd8489385e1dc";

  @TempDir Path temp;

  /** A function zip: classes in packages, resources, an executable, empty and large files. */
  private List<ZipInput> function() throws IOException {
    Path dir = temp.resolve("function");
    List<ZipInput> inputs = new ArrayList<>();
    inputs.add(input(dir, "com/example/Handler.class", bytes(1_234, 1), false));
    inputs.add(input(dir, "com/example/model/Order.class", bytes(2_345, 2), false));
    inputs.add(input(dir, "com/example/model/Order$Line.class", bytes(777, 3), false));
    inputs.add(input(dir, "META-INF/services/com.example.Plugin", text("com.example.A\n"), false));
    inputs.add(input(dir, "log4j2.xml", text("<Configuration/>\n"), false));
    inputs.add(input(dir, "bootstrap", text("#!/bin/sh\nexec java -cp . Handler\n"), true));
    inputs.add(input(dir, "empty.properties", new byte[0], false));
    inputs.add(input(dir, "static/empty/.keep", new byte[0], false));
    inputs.add(input(dir, "i18n/messages_de-ä-名前.properties", text("grüße=Hallo\n"), false));
    // Over 64 KiB: more than one buffer's worth, and sizes past 16 bits.
    inputs.add(input(dir, "static/big.bin", bytes(200_000, 4), false));
    return inputs;
  }

  /** A layer zip: jars under java/lib, one of them large, one empty. */
  private List<ZipInput> layer() throws IOException {
    Path dir = temp.resolve("layer");
    List<ZipInput> inputs = new ArrayList<>();
    inputs.add(input(dir, "java/lib/org.example-lib-1.0.jar", bytes(70_000, 7), false));
    inputs.add(input(dir, "java/lib/com.example-a-2.0.jar", bytes(3_000, 8), false));
    inputs.add(input(dir, "java/lib/io.example-big-3.1.4.jar", bytes(300_000, 9), false));
    inputs.add(input(dir, "java/lib/net.example-empty-0.1.jar", new byte[0], false));
    inputs.add(input(dir, "java/lib/org.example-ünïcode-1.0.jar", bytes(100, 10), false));
    return inputs;
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"})
  void zipsOfFixedInputsKeepTheirPinnedBytesInEveryZone(String zone) throws IOException {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      // All four at once, so a failure shows every hash that moved.
      List<String> hashes =
          List.of(
              write(OutputTimestamp.DEFAULT, function(), "f1.zip"),
              write(CONFIGURED, function(), "f2.zip"),
              write(OutputTimestamp.DEFAULT, layer(), "l1.zip"),
              write(LATE, layer(), "l2.zip"));
      assertThat(hashes)
          .containsExactly(FUNCTION_DEFAULT, FUNCTION_CONFIGURED, LAYER_DEFAULT, LAYER_LATE);
    } finally {
      TimeZone.setDefault(original);
    }
  }

  /** Writes the zip and checks the file, the reported hash and the disk-free hash agree. */
  private String write(Instant timestamp, List<ZipInput> inputs, String name) throws IOException {
    ReproducibleZipWriter writer = new ReproducibleZipWriter(timestamp);
    WrittenZip zip = writer.write(inputs, temp.resolve(name));
    String onDisk = Hashes.sha256Hex(Files.readAllBytes(zip.file()));
    assertThat(zip.sha256()).as(name).isEqualTo(onDisk);
    assertThat(writer.sha256(inputs)).as(name).isEqualTo(onDisk);
    return onDisk;
  }

  private static ZipInput input(Path dir, String name, byte[] content, boolean executable)
      throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("input-" + Integer.toHexString(name.hashCode()));
    Files.write(file, content);
    return new ZipInput(name, file, FileDigestCache.compute(file), executable);
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Deterministic, poorly compressible bytes (xorshift). */
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
