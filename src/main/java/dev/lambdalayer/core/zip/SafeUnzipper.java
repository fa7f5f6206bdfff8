package dev.lambdalayer.core.zip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip into a folder and trusts none of it: every entry must land inside the folder (no
 * {@code ..}, absolute names, drive letters, backslash tricks or symbolic links), and the bytes
 * actually inflated, never the sizes the zip declares, are capped against zip bombs.
 */
public final class SafeUnzipper {

  /** Caps on what one zip may unpack to. */
  public record Limits(long maxBytes, int maxEntries, long maxRatio) {

    /**
     * 1 GiB unpacked (four times Lambda's 262,144,000-byte limit for a function and its layers),
     * 100,000 entries, and no entry over 1 MiB inflating to more than 200 times its stored size.
     */
    public static final Limits DEFAULT = new Limits(1L << 30, 100_000, 200);
  }

  /** An entry this large may be compressed at any ratio: small highly-compressible files exist. */
  private static final long RATIO_FLOOR = 1L << 20;

  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private final Limits limits;

  public SafeUnzipper(Limits limits) {
    this.limits = limits;
  }

  public SafeUnzipper() {
    this(Limits.DEFAULT);
  }

  /** What one zip unpacked to. */
  public record Unpacked(int files, long bytes) {}

  /**
   * Unpacks {@code zip} into {@code folder} (created if needed). A later file of the same name
   * replaces an earlier one, as Lambda merges layers into one {@code /opt}.
   *
   * @throws UnsafeZipException naming the zip and the entry, for the first entry refused
   */
  public Unpacked unpack(Path zip, Path folder) throws IOException {
    Path root = Files.createDirectories(folder).toRealPath();
    int files = 0;
    int entries = 0;
    long total = 0;
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      // Checked all first: a refused zip writes nothing.
      for (Enumeration<ZipArchiveEntry> e = file.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        if (++entries > limits.maxEntries()) {
          throw new UnsafeZipException(
              zip,
              entry.getName(),
              "is past the limit of " + limits.maxEntries() + " entries (a zip bomb?)");
        }
        target(zip, root, entry);
      }
      for (Enumeration<ZipArchiveEntry> e = file.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        Path target = target(zip, root, entry);
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry);
            OutputStream out = Files.newOutputStream(target)) {
          total += copy(zip, entry, in, out, limits.maxBytes() - total);
        }
        files++;
      }
    }
    return new Unpacked(files, total);
  }

  /** Copies one entry, counting the bytes that really come out of the inflater. */
  private long copy(Path zip, ZipArchiveEntry entry, InputStream in, OutputStream out, long room)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long written = 0;
    long stored = Math.max(entry.getCompressedSize(), 1);
    for (int n; (n = in.read(buffer)) > 0; ) {
      written += n;
      if (written > room) {
        throw new UnsafeZipException(
            zip,
            entry.getName(),
            "unpacks past the limit of "
                + limits.maxBytes()
                + " bytes for the whole zip (a zip bomb?)");
      }
      if (written > RATIO_FLOOR && written / stored > limits.maxRatio()) {
        throw new UnsafeZipException(
            zip,
            entry.getName(),
            "inflates to more than "
                + limits.maxRatio()
                + " times its "
                + entry.getCompressedSize()
                + " stored bytes (a zip bomb?)");
      }
      out.write(buffer, 0, n);
    }
    return written;
  }

  /** Where an entry lands, or why it may not. */
  private static Path target(Path zip, Path root, ZipArchiveEntry entry) throws IOException {
    String name = entry.getName();
    if (entry.isUnixSymlink()) {
      throw new UnsafeZipException(zip, name, "is a symbolic link, which could point anywhere");
    }
    // Windows tools and some zips use backslashes: treat them as the separators they become there.
    String path = name.replace('\\', '/');
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      throw new UnsafeZipException(zip, name, "has an empty or NUL-containing name");
    }
    if (path.startsWith("/")) {
      throw new UnsafeZipException(zip, name, "is an absolute path");
    }
    if (DRIVE.matcher(path).matches()) {
      throw new UnsafeZipException(zip, name, "starts with a drive letter");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeZipException(zip, name, "climbs out of the target folder with '..'");
      }
    }
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root)) {
      throw new UnsafeZipException(zip, name, "resolves to " + target + ", outside " + root);
    }
    return target;
  }
}
