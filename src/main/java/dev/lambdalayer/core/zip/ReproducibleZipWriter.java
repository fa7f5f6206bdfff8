package dev.lambdalayer.core.zip;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InputChangedException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * Writes zips whose bytes depend only on the entries' names and contents.
 *
 * <p>Entries are sorted, every parent directory is written explicitly, each entry carries one fixed
 * timestamp and fixed Unix modes (0755 directories and executables, 0644 files), and there are no
 * comments or extra fields. Every entry is STORED: jars are compressed already (deflating them
 * again gains under 1% and costs several times the CPU, see the benchmark), and a stored entry does
 * not depend on the zlib build of the JDK running Maven.
 *
 * <p>The zip structure (APPNOTE 6.3.x: local headers, central directory, end record) is written
 * here rather than through a zip library, because the libraries convert entry times through the
 * JVM's default time zone: a timestamp falling into a daylight-saving gap of the build machine's
 * zone cannot be expressed through them, and would change the bytes. Writing the DOS date and time
 * fields from the UTC timestamp directly makes the bytes zone-free by construction. Sizes and CRCs
 * come from the inputs' digests, so the zip streams straight to disk, its SHA-256 computed on the
 * way, in one pass; each file is checked against its digest as it is copied.
 *
 * <p>Commons Compress 1.28's {@code ZipArchiveOutputStream} writes everything else here byte for
 * byte alike (checked), but not this format: it writes "version needed to extract" 1.0 for every
 * stored entry, where this writer writes 2.0 for directories, as APPNOTE 4.4.3.2 asks, and it has
 * no way to set that field or the raw DOS time. Moving to it changes every zip's SHA-256, so every
 * layer's identity: that needs a new {@link #FORMAT}, and {@code GoldenZipBytesTest} says so.
 */
public final class ReproducibleZipWriter {

  /**
   * Identifies the bytes this writer produces for given inputs. Change it whenever they change: it
   * is part of every up-to-date fingerprint and recorded in the lockfile.
   */
  public static final String FORMAT = "stored-sorted-v2";

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;

  /** Version 1.0 suffices to extract a stored file, 2.0 for a directory (APPNOTE 4.4.3.2). */
  private static final int VERSION_FILE = 10;

  private static final int VERSION_DIRECTORY = 20;

  /** Made by Unix (3), spec 2.0: tells unzip to honour the Unix modes. */
  private static final int VERSION_MADE_BY = (3 << 8) | 20;

  /** Bit 11: names are UTF-8. */
  private static final int FLAG_UTF8 = 1 << 11;

  private static final int FILE_MODE = 0100644;
  private static final int EXECUTABLE_MODE = 0100755;
  private static final int DIRECTORY_MODE = 040755;
  private static final int MS_DOS_DIRECTORY = 0x10;
  private static final long MAX_32 = 0xFFFF_FFFFL;
  private static final int MAX_ENTRIES = 0xFFFF;

  private final int dosTime;
  private final int dosDate;

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
    this.dosTime = (utc.getHour() << 11) | (utc.getMinute() << 5) | (utc.getSecond() / 2);
    this.dosDate = ((utc.getYear() - 1980) << 9) | (utc.getMonthValue() << 5) | utc.getDayOfMonth();
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
          CountingOutputStream out =
              new CountingOutputStream(
                  new DigestOutputStream(new BufferedOutputStream(file, 256 * 1024), sha))) {
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
    try (CountingOutputStream out =
        new CountingOutputStream(
            new BufferedOutputStream(
                new DigestOutputStream(OutputStream.nullOutputStream(), sha), 256 * 1024))) {
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
  private long writeTo(TreeMap<String, ZipInput> files, CountingOutputStream out)
      throws IOException {
    // Directories and files interleave in name order, as a sorted listing shows them.
    TreeSet<String> names = new TreeSet<>(files.keySet());
    files.keySet().forEach(name -> addParents(name, names));
    if (names.size() > MAX_ENTRIES) {
      throw new IOException(
          "a zip would hold " + names.size() + " entries; without Zip64 it holds 65,535");
    }
    byte[] buffer = new byte[256 * 1024];
    long unzipped = 0;
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (String name : names) {
      ZipInput input = files.get(name);
      long offset = out.count();
      byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
      long size = input == null ? 0 : input.digest().size();
      long crc = input == null ? 0 : input.digest().crc32();
      int version = input == null ? VERSION_DIRECTORY : VERSION_FILE;
      if (offset > MAX_32 || size > MAX_32) {
        throw new IOException("a zip would exceed 4 GiB, beyond a zip without Zip64");
      }
      writeLocalHeader(out, encoded, version, size, crc);
      if (input != null) {
        copy(input, out, buffer);
        unzipped += size;
      }
      int mode = input == null ? DIRECTORY_MODE : input.executable() ? EXECUTABLE_MODE : FILE_MODE;
      writeCentralHeader(central, encoded, version, size, crc, mode, offset);
    }
    long centralOffset = out.count();
    central.writeTo(out);
    writeEnd(out, names.size(), central.size(), centralOffset);
    return unzipped;
  }

  private void writeLocalHeader(OutputStream out, byte[] name, int version, long size, long crc)
      throws IOException {
    int32(out, LOCAL_HEADER);
    int16(out, version);
    int16(out, FLAG_UTF8);
    int16(out, 0); // method: stored
    int16(out, dosTime);
    int16(out, dosDate);
    int32(out, crc);
    int32(out, size); // compressed size
    int32(out, size);
    int16(out, name.length);
    int16(out, 0); // extra field length
    out.write(name);
  }

  private void writeCentralHeader(
      OutputStream out, byte[] name, int version, long size, long crc, int mode, long offset)
      throws IOException {
    int32(out, CENTRAL_HEADER);
    int16(out, VERSION_MADE_BY);
    int16(out, version);
    int16(out, FLAG_UTF8);
    int16(out, 0); // method: stored
    int16(out, dosTime);
    int16(out, dosDate);
    int32(out, crc);
    int32(out, size);
    int32(out, size);
    int16(out, name.length);
    int16(out, 0); // extra field length
    int16(out, 0); // comment length
    int16(out, 0); // disk number
    int16(out, 0); // internal attributes
    int32(out, ((long) mode << 16) | ((mode & 040000) != 0 ? MS_DOS_DIRECTORY : 0));
    int32(out, offset);
    out.write(name);
  }

  private static void writeEnd(OutputStream out, int entries, long centralSize, long centralOffset)
      throws IOException {
    int32(out, END_OF_CENTRAL_DIRECTORY);
    int16(out, 0); // this disk
    int16(out, 0); // disk with the central directory
    int16(out, entries);
    int16(out, entries);
    int32(out, centralSize);
    int32(out, centralOffset);
    int16(out, 0); // comment length
  }

  /** Copies in large chunks and checks the bytes against the digest the headers were made from. */
  private static void copy(ZipInput input, OutputStream out, byte[] buffer) throws IOException {
    CRC32 crc = new CRC32();
    long copied = 0;
    try (InputStream in = Files.newInputStream(input.file())) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
        out.write(buffer, 0, n);
        copied += n;
      }
    }
    if (copied != input.digest().size() || crc.getValue() != input.digest().crc32()) {
      throw new InputChangedException(input.file());
    }
  }

  private static void int16(OutputStream out, int value) throws IOException {
    out.write(value & 0xFF);
    out.write((value >>> 8) & 0xFF);
  }

  private static void int32(OutputStream out, long value) throws IOException {
    int16(out, (int) (value & 0xFFFF));
    int16(out, (int) ((value >>> 16) & 0xFFFF));
  }

  private static void addParents(String name, TreeSet<String> directories) {
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      directories.add(name.substring(0, slash + 1));
    }
  }

  /** Knows each header's offset without asking the file system. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }
  }
}
