package dev.lambdalayer.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes zips whose bytes depend only on the entries' names and contents.
 *
 * <p>Entries are sorted, every parent directory is written explicitly, each entry carries one fixed
 * timestamp and fixed Unix modes (0755 directories and executables, 0644 files), and there are no
 * comments or extra fields. Every entry is STORED: jars are compressed already (deflating them
 * again gains about 1% and costs several times the CPU, see the benchmark), and a STORED entry does
 * not depend on the zlib build of the JDK running Maven. Sizes and CRCs come from the digests, so
 * the zip streams straight to disk and its SHA-256 is computed on the way, in one pass.
 */
public final class ReproducibleZipWriter {

  /**
   * Identifies the bytes this writer produces for given inputs. Change it whenever they change: it
   * is part of every up-to-date fingerprint and recorded in the lockfile.
   */
  public static final String FORMAT = "stored-sorted-v1";

  private static final int FILE_MODE = UnixStat.FILE_FLAG | 0644;
  private static final int EXECUTABLE_MODE = UnixStat.FILE_FLAG | 0755;
  private static final int DIRECTORY_MODE = UnixStat.DIR_FLAG | 0755;

  private final LocalDateTime timestamp;

  /**
   * @param timestamp written into every entry; kept to the 2-second precision of zip times
   */
  public ReproducibleZipWriter(Instant timestamp) {
    this.timestamp = LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC);
  }

  /** Writes {@code inputs} to {@code target} atomically and returns its figures. */
  public WrittenZip write(Collection<ZipInput> inputs, Path target) throws IOException {
    TreeMap<String, ZipInput> files = byName(inputs);
    Path temporary = AtomicFiles.temporarySibling(target);
    MessageDigest sha = Hashes.sha256();
    try {
      long unzipped;
      try (OutputStream file = Files.newOutputStream(temporary);
          DigestOutputStream digesting =
              new DigestOutputStream(new BufferedOutputStream(file, 256 * 1024), sha)) {
        unzipped = writeTo(files, digesting);
      }
      long zipped = Files.size(temporary);
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
    try (OutputStream digesting =
        new BufferedOutputStream(
            new DigestOutputStream(OutputStream.nullOutputStream(), sha), 256 * 1024)) {
      writeTo(byName(inputs), digesting);
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

  /** Writes the zip to {@code out} (left open for the caller) and returns the unzipped bytes. */
  private long writeTo(TreeMap<String, ZipInput> files, OutputStream out) throws IOException {
    // Directories and files interleave in name order, as a sorted listing shows them.
    TreeSet<String> names = new TreeSet<>(files.keySet());
    files.keySet().forEach(name -> addParents(name, names));
    long unzipped = 0;
    ZipArchiveOutputStream zip = new ZipArchiveOutputStream(CloseShieldStream.of(out));
    try (zip) {
      zip.setUseZip64(Zip64Mode.AsNeeded);
      zip.setMethod(ZipArchiveOutputStream.STORED);
      for (String name : names) {
        ZipInput input = files.get(name);
        if (input == null) {
          zip.putArchiveEntry(entry(name, 0, 0, DIRECTORY_MODE));
        } else {
          FileDigest digest = input.digest();
          int mode = input.executable() ? EXECUTABLE_MODE : FILE_MODE;
          zip.putArchiveEntry(entry(name, digest.size(), digest.crc32(), mode));
          long copied = Files.copy(input.file(), zip);
          if (copied != digest.size()) {
            throw new IOException(
                input.file() + " changed while it was being zipped; run the build again");
          }
          unzipped += copied;
        }
        zip.closeArchiveEntry();
      }
      zip.finish();
    }
    return unzipped;
  }

  /** Lets the zip stream close without closing the caller's stream. */
  private static final class CloseShieldStream extends java.io.FilterOutputStream {
    private CloseShieldStream(OutputStream out) {
      super(out);
    }

    static OutputStream of(OutputStream out) {
      return new CloseShieldStream(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private ZipArchiveEntry entry(String name, long size, long crc, int mode) {
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    entry.setMethod(ZipArchiveEntry.STORED);
    entry.setSize(size);
    entry.setCompressedSize(size);
    entry.setCrc(crc);
    entry.setUnixMode(mode);
    // Zip stores local wall-clock time, and the library converts with the JVM's time zone. Handing
    // it the instant whose local time reads like the fixed UTC time makes the bytes zone-free.
    entry.setTime(timestamp.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
    return entry;
  }

  private static void addParents(String name, TreeSet<String> directories) {
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      directories.add(name.substring(0, slash + 1));
    }
  }
}
