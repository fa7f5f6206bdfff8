package dev.lambdalayer.core.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.FileDigest;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.OutputTimestamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleZipWriterTest {

  /** A time with hours, minutes and (even) seconds, so every DOS time field is exercised. */
  private static final Instant TIMESTAMP = Instant.parse("2026-03-15T13:45:30Z");

  private static final Map<String, String> CONTENT = new LinkedHashMap<>();

  static {
    CONTENT.put("java/lib/org.example-lib-1.0.jar", "jar bytes of lib");
    CONTENT.put("java/lib/com.example-a-2.0.jar", "jar bytes of a");
    CONTENT.put("com/example/Handler.class", "class bytes");
    CONTENT.put("com/example/sub/Helper.class", "helper bytes");
    CONTENT.put("log4j2.xml", "<Configuration/>");
    CONTENT.put("bootstrap", "#!/bin/sh\n");
    CONTENT.put("a-file.txt", "");
  }

  @TempDir Path temp;

  private List<ZipInput> inputs(Path dir, FileTime mtime, String permissions, boolean reversed)
      throws IOException {
    List<ZipInput> inputs = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> e : CONTENT.entrySet()) {
      Path file = dir.resolve("f" + i++);
      Files.createDirectories(dir);
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      Files.setLastModifiedTime(file, mtime);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
      boolean executable = e.getKey().equals("bootstrap");
      inputs.add(new ZipInput(e.getKey(), file, FileDigestCache.compute(file), executable));
    }
    if (reversed) {
      Collections.reverse(inputs);
    }
    return inputs;
  }

  private static WrittenZip writeIn(String zone, List<ZipInput> inputs, Path target)
      throws IOException {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      return new ReproducibleZipWriter(TIMESTAMP).write(inputs, target);
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void sameFilesGiveIdenticalBytesAcrossTimeZonesOrderMtimesAndPermissions() throws IOException {
    List<ZipInput> first =
        inputs(temp.resolve("one"), FileTime.fromMillis(1_000_000_000_000L), "rw-r--r--", false);
    List<ZipInput> second =
        inputs(temp.resolve("two"), FileTime.fromMillis(1_700_000_123_456L), "rw-------", true);
    // Make sure the two runs really differ in what they were handed.
    assertThat(TimeZone.getTimeZone("Asia/Tokyo").getRawOffset()).isNotZero();
    assertThat(first.get(0).name()).isNotEqualTo(second.get(0).name());

    WrittenZip a = writeIn("UTC", first, temp.resolve("a.zip"));
    WrittenZip b = writeIn("Asia/Tokyo", second, temp.resolve("b.zip"));

    byte[] bytesA = Files.readAllBytes(a.file());
    byte[] bytesB = Files.readAllBytes(b.file());
    assertThat(bytesB).isEqualTo(bytesA);
    assertThat(b.sha256()).isEqualTo(a.sha256());
  }

  @Test
  void timeZonesWestOfUtcAndWithDaylightSavingGiveTheSameBytes() throws IOException {
    List<ZipInput> inputs =
        inputs(temp.resolve("in"), FileTime.fromMillis(1_000_000_000_000L), "rw-r--r--", false);
    byte[] utc = Files.readAllBytes(writeIn("UTC", inputs, temp.resolve("utc.zip")).file());
    for (String zone : List.of("America/Los_Angeles", "Pacific/Kiritimati", "Europe/Berlin")) {
      byte[] other =
          Files.readAllBytes(writeIn(zone, inputs, temp.resolve(zone.hashCode() + ".zip")).file());
      assertThat(other).as(zone).isEqualTo(utc);
    }
  }

  @Test
  void aTimestampInADaylightSavingGapOfTheBuildMachinesZoneGivesTheSameBytes() throws IOException {
    // 02:30 on 2026-03-08 does not exist as a local time in New York (clocks jump 02:00 -> 03:00):
    // a writer that converts through the JVM's zone cannot express it and shifts the entry time.
    Instant inTheGap = Instant.parse("2026-03-08T02:30:00Z");
    assertThat(
            java.time.ZoneId.of("America/New_York")
                .getRules()
                .isValidOffset(
                    java.time.LocalDateTime.ofInstant(inTheGap, java.time.ZoneOffset.UTC),
                    java.time.ZoneOffset.ofHours(-5)))
        .isFalse();
    List<ZipInput> inputs =
        inputs(temp.resolve("in"), FileTime.fromMillis(1_000_000_000_000L), "rw-r--r--", false);

    byte[] utc = writeAt(inTheGap, "UTC", inputs, temp.resolve("utc.zip"));
    byte[] newYork = writeAt(inTheGap, "America/New_York", inputs, temp.resolve("ny.zip"));

    assertThat(newYork).isEqualTo(utc);
    ZipBytes.Entry first = ZipBytes.entries(utc).get(0);
    assertThat(first.dosTime()).isEqualTo((2 << 11) | (30 << 5));
  }

  private static byte[] writeAt(Instant timestamp, String zone, List<ZipInput> inputs, Path target)
      throws IOException {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      return Files.readAllBytes(new ReproducibleZipWriter(timestamp).write(inputs, target).file());
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void entriesAreSortedWithExplicitParentDirectories() throws IOException {
    WrittenZip zip =
        writeIn(
            "UTC",
            inputs(temp.resolve("in"), FileTime.fromMillis(0), "rw-r--r--", true),
            temp.resolve("z.zip"));

    List<String> names =
        ZipBytes.entries(Files.readAllBytes(zip.file())).stream()
            .map(ZipBytes.Entry::name)
            .toList();
    assertThat(names)
        .containsExactly(
            "a-file.txt",
            "bootstrap",
            "com/",
            "com/example/",
            "com/example/Handler.class",
            "com/example/sub/",
            "com/example/sub/Helper.class",
            "java/",
            "java/lib/",
            "java/lib/com.example-a-2.0.jar",
            "java/lib/org.example-lib-1.0.jar",
            "log4j2.xml");
    assertThat(zip.fileCount()).isEqualTo(CONTENT.size());

    // The local headers come in the same order as the central directory.
    List<Long> offsets =
        ZipBytes.entries(Files.readAllBytes(zip.file())).stream()
            .map(ZipBytes.Entry::localHeaderOffset)
            .toList();
    assertThat(offsets).isSorted();
  }

  @Test
  void everyEntryIsStoredWithoutExtraFieldsAndWithTheConfiguredUtcTime() throws IOException {
    WrittenZip zip =
        writeIn(
            "Asia/Tokyo",
            inputs(temp.resolve("in"), FileTime.fromMillis(0), "rw-------", false),
            temp.resolve("z.zip"));

    int expectedTime = 13 << 11 | 45 << 5 | 30 / 2;
    int expectedDate = (2026 - 1980) << 9 | 3 << 5 | 15;
    List<ZipBytes.Entry> entries = ZipBytes.entries(Files.readAllBytes(zip.file()));
    assertThat(entries).hasSize(12);
    for (ZipBytes.Entry e : entries) {
      assertThat(e.method()).as(e.name()).isZero(); // STORED
      assertThat(e.localMethod()).as(e.name()).isZero();
      assertThat(e.compressedSize()).as(e.name()).isEqualTo(e.size());
      assertThat(e.centralExtraLength()).as(e.name()).isZero();
      assertThat(e.localExtraLength()).as(e.name()).isZero();
      assertThat(e.commentLength()).as(e.name()).isZero();
      assertThat(e.dosTime()).as(e.name()).isEqualTo(expectedTime);
      assertThat(e.dosDate()).as(e.name()).isEqualTo(expectedDate);
      assertThat(e.localDosTime()).as(e.name()).isEqualTo(expectedTime);
      assertThat(e.localDosDate()).as(e.name()).isEqualTo(expectedDate);
      assertThat(e.versionMadeByHost()).as(e.name()).isEqualTo(3); // Unix, so modes count
    }
  }

  @Test
  void modesAre0644For0755DirectoriesAndExecutables() throws IOException {
    WrittenZip zip =
        writeIn(
            "UTC",
            inputs(temp.resolve("in"), FileTime.fromMillis(0), "rw-------", false),
            temp.resolve("z.zip"));

    Map<String, Integer> modes = new LinkedHashMap<>();
    ZipBytes.entries(Files.readAllBytes(zip.file()))
        .forEach(e -> modes.put(e.name(), e.unixMode()));
    assertThat(modes.get("com/")).isEqualTo(0040755);
    assertThat(modes.get("java/lib/")).isEqualTo(0040755);
    assertThat(modes.get("bootstrap")).isEqualTo(0100755);
    assertThat(modes.get("log4j2.xml")).isEqualTo(0100644);
    assertThat(modes.get("java/lib/com.example-a-2.0.jar")).isEqualTo(0100644);

    try (ZipFile read = ZipFile.builder().setPath(zip.file()).get()) {
      for (ZipArchiveEntry e : Collections.list(read.getEntries())) {
        assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(e.getExtraFields(true)).as(e.getName()).isEmpty();
        assertThat(e.getUnixMode()).isEqualTo(modes.get(e.getName()));
      }
    }
  }

  @Test
  void contentSurvivesARoundTripThroughJavaUtilZip() throws IOException {
    WrittenZip zip =
        writeIn(
            "UTC",
            inputs(temp.resolve("in"), FileTime.fromMillis(0), "rw-r--r--", false),
            temp.resolve("z.zip"));

    Map<String, String> read = new LinkedHashMap<>();
    try (InputStream file = Files.newInputStream(zip.file());
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (!e.isDirectory()) {
          read.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(read).containsExactlyInAnyOrderEntriesOf(CONTENT);
    assertThat(zip.unzippedBytes())
        .isEqualTo(
            CONTENT.values().stream()
                .mapToLong(v -> v.getBytes(StandardCharsets.UTF_8).length)
                .sum());
  }

  @Test
  void reportedHashesAreThoseOfTheFileBytes() throws Exception {
    WrittenZip zip =
        writeIn(
            "UTC",
            inputs(temp.resolve("in"), FileTime.fromMillis(0), "rw-r--r--", false),
            temp.resolve("z.zip"));

    byte[] bytes = Files.readAllBytes(zip.file());
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
    assertThat(zip.sha256()).isEqualTo(HexFormat.of().formatHex(digest));
    assertThat(zip.codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(digest));
    assertThat(zip.zippedBytes()).isEqualTo(bytes.length);
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    writeIn(
        "UTC",
        inputs(temp.resolve("in"), FileTime.fromMillis(0), "rw-r--r--", false),
        temp.resolve("out/z.zip"));

    try (var files = Files.list(temp.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("z.zip");
    }
  }

  @Test
  void aFileThatChangedSizeWhileZippingFails() throws IOException {
    Path file = temp.resolve("lib.jar");
    Files.writeString(file, "original");
    FileDigest digest = FileDigestCache.compute(file);
    Files.writeString(file, "original, but longer now");
    List<ZipInput> inputs = List.of(new ZipInput("lib/lib.jar", file, digest, false));

    assertThatThrownBy(
            () -> new ReproducibleZipWriter(TIMESTAMP).write(inputs, temp.resolve("out/z.zip")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changed while it was being zipped");
    assertThat(temp.resolve("out/z.zip")).doesNotExist();
    try (var files = Files.list(temp.resolve("out"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aFileThatChangedContentButNotSizeFails() throws IOException {
    Path file = temp.resolve("lib.jar");
    Files.writeString(file, "original");
    FileDigest digest = FileDigestCache.compute(file);
    Files.writeString(file, "ORIGINAL");
    List<ZipInput> inputs = List.of(new ZipInput("lib/lib.jar", file, digest, false));

    assertThatThrownBy(
            () -> new ReproducibleZipWriter(TIMESTAMP).write(inputs, temp.resolve("z.zip")))
        .isInstanceOf(IOException.class);
    assertThat(temp.resolve("z.zip")).doesNotExist();
  }

  @Test
  void twoFilesForOneEntryFail() throws IOException {
    Path file = temp.resolve("x");
    Files.writeString(file, "x");
    FileDigest digest = FileDigestCache.compute(file);
    List<ZipInput> inputs =
        List.of(new ZipInput("a/x", file, digest, false), new ZipInput("a/x", file, digest, false));

    assertThatThrownBy(
            () -> new ReproducibleZipWriter(TIMESTAMP).write(inputs, temp.resolve("z.zip")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/x");
  }

  @Test
  void theLatestTimestampOutputTimestampAllowsStillWritesPlainDosTimes() throws IOException {
    Instant latest = OutputTimestamp.parse("2107-12-31T23:59:58Z");
    Path file = temp.resolve("x");
    Files.writeString(file, "x");
    List<ZipInput> inputs = List.of(new ZipInput("x", file, FileDigestCache.compute(file), false));

    TimeZone original = TimeZone.getDefault();
    List<byte[]> zips = new ArrayList<>();
    try {
      for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Tokyo")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        Path target = temp.resolve(zone.replace('/', '-') + ".zip");
        new ReproducibleZipWriter(latest).write(inputs, target);
        zips.add(Files.readAllBytes(target));
      }
    } finally {
      TimeZone.setDefault(original);
    }
    for (byte[] zip : zips) {
      assertThat(ZipBytes.entries(zip))
          .allSatisfy(
              e -> {
                assertThat(e.centralExtraLength()).isZero();
                assertThat(e.localExtraLength()).isZero();
              });
      assertThat(zip).isEqualTo(zips.get(0));
    }
  }

  @Test
  void theEarliestTimestampOutputTimestampAllowsIsKeptInEveryZone() throws IOException {
    Instant earliest = OutputTimestamp.parse("1980-01-01T00:00:00Z");
    Path file = temp.resolve("x");
    Files.writeString(file, "x");
    List<ZipInput> inputs = List.of(new ZipInput("x", file, FileDigestCache.compute(file), false));

    for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Tokyo")) {
      Path target = temp.resolve(zone.replace('/', '-') + ".zip");
      TimeZone original = TimeZone.getDefault();
      try {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        new ReproducibleZipWriter(earliest).write(inputs, target);
      } finally {
        TimeZone.setDefault(original);
      }
      ZipBytes.Entry e = ZipBytes.entries(Files.readAllBytes(target)).get(0);
      assertThat(e.dosDate()).as(zone).isEqualTo(0 << 9 | 1 << 5 | 1);
      assertThat(e.dosTime()).as(zone).isEqualTo(earliest.getEpochSecond() % 60 / 2);
      assertThat(e.centralExtraLength()).as(zone).isZero();
    }
  }
}
