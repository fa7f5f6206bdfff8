package dev.lambdalayer.core.zip;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InputChangedException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.Zip64RequiredException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes zips whose bytes depend only on the entries' names and contents.
 *
 * <p>Entries are sorted, every parent directory is written explicitly, each entry carries one fixed
 * timestamp and fixed Unix modes (0755 directories and executables, 0644 files), and there are no
 * comments or extra fields. Every entry is STORED: jars are compressed already (deflating them
 * again gains under 1% and costs several times the CPU, see the benchmark), and a stored entry does
 * not depend on the zlib build of the JDK running Maven.
 *
 * <p>Commons Compress's {@code ZipArchiveOutputStream} writes the zip. Sizes and CRCs come from the
 * inputs' digests, so the zip streams straight to disk (no Zip64, no data descriptors), its SHA-256
 * computed on the way, in one pass; Commons Compress checks each file's bytes against the CRC it
 * was announced with. Two header fields it cannot be told are fixed as the bytes pass {@link
 * HeaderFieldOverwriter}: the DOS date and time, which it derives from epoch millis through the
 * JVM's default time zone (a timestamp inside a daylight-saving gap of the build machine's zone
 * could not be expressed at all), and "version needed to extract", 2.0 for a directory as APPNOTE
 * 4.4.3.2 asks where it writes 1.0. So the bytes are those of {@link #FORMAT} "stored-sorted-v2",
 * the format the hand-written writer before it produced: no layer changes its hash.
 */
public final class ReproducibleZipWriter {

  /**
   * Identifies the bytes this writer produces for given inputs. Change it whenever they change: it
   * is part of every up-to-date fingerprint and recorded in the lockfile.
   */
  public static final String FORMAT = "stored-sorted-v2";

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int LOCAL_VERSION_NEEDED = 4;
  private static final int LOCAL_TIME = 10;
  private static final int CENTRAL_VERSION_NEEDED = 6;
  private static final int CENTRAL_TIME = 12;
  private static final int CENTRAL_HEADER_SIZE = 46;

  /** Version 2.0 to extract a directory (APPNOTE 4.4.3.2); Commons Compress writes 1.0. */
  private static final byte[] VERSION_DIRECTORY = {20, 0};

  /**
   * What Commons Compress is given as every entry's time before the real fields are written: noon
   * UTC on 2000-01-01 lies in 2000 and in no daylight-saving gap in every zone, so it never makes
   * Commons Compress add an extended-timestamp field.
   */
  private static final long PLACEHOLDER_MILLIS =
      Instant.parse("2000-01-01T12:00:00Z").toEpochMilli();

  private static final int FILE_MODE = 0100644;
  private static final int EXECUTABLE_MODE = 0100755;
  private static final int DIRECTORY_MODE = 040755;
  private static final int MAX_ENTRIES = 0xFFFF;
  private static final int BUFFER = 256 * 1024;

  /** DOS time then DOS date, little-endian, as both headers carry them. */
  private final byte[] dosTimeAndDate;

  /**
   * @param timestamp written into every entry, as UTC wall-clock time, to the 2-second precision of
   *     zip times; years outside 1980–2107 are clamped
   */
  public ReproducibleZipWriter(Instant timestamp) {
    LocalDateTime utc = LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC);
    if (utc.getYear() < 1980) {
      utc = LocalDateTime.of(1980, 1, 1, 0, 0);
    } else if (utc.getYear() > 2107) {
      utc = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
    }
    int time = (utc.getHour() << 11) | (utc.getMinute() << 5) | (utc.getSecond() / 2);
    int date = ((utc.getYear() - 1980) << 9) | (utc.getMonthValue() << 5) | utc.getDayOfMonth();
    this.dosTimeAndDate =
        new byte[] {(byte) time, (byte) (time >>> 8), (byte) date, (byte) (date >>> 8)};
  }

  /** Writes {@code inputs} to {@code target} atomically and returns its figures. */
  public WrittenZip write(Collection<ZipInput> inputs, Path target) throws IOException {
    TreeMap<String, ZipInput> files = byName(inputs);
    Path temporary = AtomicFiles.temporarySibling(target);
    MessageDigest sha = Hashes.sha256();
    try {
      long unzipped;
      long zipped;
      try (OutputStream file = Files.newOutputStream(temporary);
          HeaderFieldOverwriter out =
              new HeaderFieldOverwriter(
                  new DigestOutputStream(new BufferedOutputStream(file, BUFFER), sha))) {
        unzipped = writeTo(files, out);
        zipped = out.count();
      }
      AtomicFiles.replace(temporary, target);
      return new WrittenZip(
          target, zipped, unzipped, files.size(), HexFormat.of().formatHex(sha.digest()));
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The SHA-256 (hex) of the zip {@link #write} would write for {@code inputs}, computed by
   * streaming the same bytes into the digest instead of a file: an audit learns a layer's content
   * hash without touching the disk.
   */
  public String sha256(Collection<ZipInput> inputs) throws IOException {
    MessageDigest sha = Hashes.sha256();
    try (HeaderFieldOverwriter out =
        new HeaderFieldOverwriter(
            new BufferedOutputStream(
                new DigestOutputStream(OutputStream.nullOutputStream(), sha), BUFFER))) {
      writeTo(byName(inputs), out);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static TreeMap<String, ZipInput> byName(Collection<ZipInput> inputs) {
    TreeMap<String, ZipInput> files = new TreeMap<>();
    for (ZipInput input : inputs) {
      if (files.put(input.name(), input) != null) {
        throw new IllegalArgumentException("two files for one zip entry: " + input.name());
      }
    }
    return files;
  }

  /** Writes the whole zip to {@code out} and returns the unzipped bytes. */
  private long writeTo(TreeMap<String, ZipInput> files, HeaderFieldOverwriter out)
      throws IOException {
    // Directories and files interleave in name order, as a sorted listing shows them.
    TreeSet<String> names = new TreeSet<>(files.keySet());
    files.keySet().forEach(name -> addParents(name, names));
    if (names.size() > MAX_ENTRIES) {
      throw new IOException(
          "a zip would hold " + names.size() + " entries; without Zip64 it holds 65,535");
    }
    byte[] buffer = new byte[BUFFER];
    long unzipped = 0;
    List<ZipArchiveEntry> written = new ArrayList<>(names.size());
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      zip.setUseZip64(Zip64Mode.Never);
      zip.setMethod(ZipEntry.STORED);
      for (String name : names) {
        ZipInput input = files.get(name);
        ZipArchiveEntry entry = entry(name, input);
        long header = zip.getBytesWritten();
        out.overwrite(header, LOCAL_HEADER, LOCAL_TIME, dosTimeAndDate);
        if (input == null) {
          out.overwrite(header, LOCAL_HEADER, LOCAL_VERSION_NEEDED, VERSION_DIRECTORY);
        }
        zip.putArchiveEntry(entry);
        if (input != null) {
          copy(input, zip, buffer);
          unzipped += input.digest().size();
        }
        closeEntry(zip, input);
        written.add(entry);
      }
      long header = zip.getBytesWritten();
      for (ZipArchiveEntry entry : written) {
        out.overwrite(header, CENTRAL_HEADER, CENTRAL_TIME, dosTimeAndDate);
        if (entry.isDirectory()) {
          out.overwrite(header, CENTRAL_HEADER, CENTRAL_VERSION_NEEDED, VERSION_DIRECTORY);
        }
        header += CENTRAL_HEADER_SIZE + entry.getName().getBytes(StandardCharsets.UTF_8).length;
      }
      zip.finish();
    } catch (Zip64RequiredException e) {
      throw new IOException("a zip would exceed 4 GiB, beyond a zip without Zip64", e);
    }
    out.checkAllWritten();
    return unzipped;
  }

  private ZipArchiveEntry entry(String name, ZipInput input) {
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    entry.setMethod(ZipEntry.STORED);
    long size = input == null ? 0 : input.digest().size();
    entry.setSize(size);
    entry.setCompressedSize(size);
    entry.setCrc(input == null ? 0 : input.digest().crc32());
    entry.setTime(PLACEHOLDER_MILLIS);
    entry.setUnixMode(
        input == null ? DIRECTORY_MODE : input.executable() ? EXECUTABLE_MODE : FILE_MODE);
    return entry;
  }

  /** Copies in large chunks; a file whose size or CRC changed since it was digested fails. */
  private static void copy(ZipInput input, ZipArchiveOutputStream zip, byte[] buffer)
      throws IOException {
    long copied = 0;
    try (InputStream in = Files.newInputStream(input.file())) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        copied += n;
        if (copied > input.digest().size()) {
          throw new InputChangedException(input.file());
        }
        zip.write(buffer, 0, n);
      }
    }
    if (copied != input.digest().size()) {
      throw new InputChangedException(input.file());
    }
  }

  /** Commons Compress compares the CRC of the bytes written with the one announced. */
  private static void closeEntry(ZipArchiveOutputStream zip, ZipInput input) throws IOException {
    try {
      zip.closeArchiveEntry();
    } catch (Zip64RequiredException e) {
      throw e;
    } catch (ZipException e) {
      if (input == null) {
        throw e;
      }
      InputChangedException changed = new InputChangedException(input.file());
      changed.initCause(e);
      throw changed;
    }
  }

  private static void addParents(String name, TreeSet<String> directories) {
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      directories.add(name.substring(0, slash + 1));
    }
  }
}
