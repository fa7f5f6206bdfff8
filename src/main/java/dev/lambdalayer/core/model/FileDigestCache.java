package dev.lambdalayer.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Computes a file's SHA-256 and CRC-32 in one read and remembers them by path, size and
 * modification time, so an unchanged rebuild reads no file twice; for a jar it also remembers that
 * the jar was checked to be a readable zip ({@link #digestJar}). The cache is a plain text file
 * under the build directory; a missing or damaged cache only costs time.
 */
public final class FileDigestCache {

  private static final String HEADER = "# lambda-layer file digests v2";

  /** Coarser than any file system's modification-time granularity that matters here (FAT: 2 s). */
  private static final long RACY_MILLIS = 2_000;

  private record Entry(long size, long modified, FileDigest digest, boolean readableZip) {}

  private final Path cacheFile;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean changed;
  private final AtomicLong hashedBytes = new AtomicLong();
  private final AtomicLong hashingNanos = new AtomicLong();
  private final AtomicLong checkingNanos = new AtomicLong();

  private FileDigestCache(Path cacheFile) {
    this.cacheFile = cacheFile;
  }

  /** A cache backed by {@code cacheFile}; {@code null} keeps it in memory only. */
  public static FileDigestCache load(Path cacheFile) {
    FileDigestCache cache = new FileDigestCache(cacheFile);
    if (cacheFile != null && Files.isRegularFile(cacheFile)) {
      try {
        var lines = Files.readAllLines(cacheFile, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals(HEADER)) {
          lines.stream().skip(1).forEach(cache::parseLine);
        }
      } catch (IOException | RuntimeException e) {
        cache.entries.clear(); // a damaged cache is rebuilt, never trusted
      }
    }
    return cache;
  }

  private void parseLine(String line) {
    String[] f = line.split("\t", 6);
    entries.put(
        f[5],
        new Entry(
            Long.parseLong(f[2]),
            Long.parseLong(f[3]),
            new FileDigest(Long.parseLong(f[2]), f[0], Long.parseLong(f[1], 16)),
            f[4].equals("zip")));
  }

  /**
   * The digest of a library's jar, checked once to be a readable zip ({@link JarCheck}): a broken
   * jar throws {@link BrokenJarException} and is not remembered.
   *
   * @param library the library, for the message
   * @param inRepository whether the jar is in a Maven repository (the fix is to download it again)
   */
  public FileDigest digestJar(Path file, String library, boolean inRepository) throws IOException {
    FileDigest digest = digest(file);
    String key = key(file);
    Entry known = entries.get(key);
    if (known != null && known.readableZip() && known.digest().equals(digest)) {
      return digest;
    }
    long start = System.nanoTime();
    JarCheck.verify(file, library, inRepository);
    checkingNanos.addAndGet(System.nanoTime() - start);
    if (known != null && known.digest().equals(digest)) {
      entries.put(key, new Entry(known.size(), known.modified(), digest, true));
      changed = true;
    }
    return digest;
  }

  private static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  public FileDigest digest(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    long modified = attributes.lastModifiedTime().toMillis();
    String key = key(file);
    Entry known = entries.get(key);
    if (known != null && known.size() == attributes.size() && known.modified() == modified) {
      return known.digest();
    }
    long start = System.nanoTime();
    FileDigest digest = compute(file);
    hashingNanos.addAndGet(System.nanoTime() - start);
    hashedBytes.addAndGet(digest.size());
    // A file modified within the file system's time granularity of now may change again without
    // its size or time changing ("racily clean", as git calls it): use the digest, do not keep it.
    if (System.currentTimeMillis() - modified >= RACY_MILLIS) {
      entries.put(key, new Entry(digest.size(), modified, digest, false));
      changed = true;
    }
    return digest;
  }

  /** Drops what is known of {@code file}, e.g. after its bytes turned out not to match. */
  public void forget(Path file) {
    if (entries.remove(key(file)) != null) {
      changed = true;
    }
  }

  /** Bytes read because no cached digest fitted, since this cache was loaded. */
  public long hashedBytes() {
    return hashedBytes.get();
  }

  /** Time spent reading those bytes, summed over threads. */
  public long hashingNanos() {
    return hashingNanos.get();
  }

  /** Time spent checking jars to be readable zips, summed over threads. */
  public long checkingNanos() {
    return checkingNanos.get();
  }

  /** Reads the file once for both sums. */
  public static FileDigest compute(Path file) throws IOException {
    MessageDigest sha = Hashes.sha256();
    CRC32 crc = new CRC32();
    long size = 0;
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        crc.update(buffer, 0, n);
        size += n;
      }
    }
    return new FileDigest(size, HexFormat.of().formatHex(sha.digest()), crc.getValue());
  }

  /** Writes the cache back if anything was added, atomically. */
  public void save() throws IOException {
    if (cacheFile == null || !changed) {
      return;
    }
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    new TreeMap<>(entries)
        .forEach(
            (path, e) ->
                text.append(e.digest().sha256())
                    .append('\t')
                    .append(Long.toHexString(e.digest().crc32()))
                    .append('\t')
                    .append(e.size())
                    .append('\t')
                    .append(e.modified())
                    .append('\t')
                    .append(e.readableZip() ? "zip" : "-")
                    .append('\t')
                    .append(path)
                    .append('\n'));
    AtomicFiles.write(cacheFile, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
