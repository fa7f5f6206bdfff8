package dev.lambdalayer.core.promote;

import dev.lambdalayer.core.model.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The zips a promotion deploys, found by content: a zip this build already holds whose SHA-256 is
 * the wanted {@code CodeSha256}, else a download from the source's code location, hashed before it
 * is used. Nothing is ever rebuilt, so what reaches the target is byte for byte what the source
 * runs.
 */
public final class VerifiedZips {

  /** Downloads one code location to a file. */
  @FunctionalInterface
  public interface Download {
    void to(Path file);
  }

  /**
   * A zip with its verified hash.
   *
   * @param downloaded whether it came from the source environment (else from this build's zips)
   */
  public record Zip(Path file, String sha256, long size, boolean downloaded) {

    public String codeSha256() {
      return Hashes.toBase64(sha256);
    }
  }

  private final List<Path> searched;
  private final Path downloads;
  private Map<String, Path> local;

  /**
   * @param searched directories whose {@code *.zip} files are used when their hash fits
   * @param downloads where downloaded zips are kept, by content
   */
  public VerifiedZips(List<Path> searched, Path downloads) {
    this.searched = List.copyOf(searched);
    this.downloads = downloads;
  }

  /** A zip of this build with that {@code CodeSha256}, hashed now; null when there is none. */
  public synchronized Zip local(String codeSha256) throws IOException {
    if (local == null) {
      local = new HashMap<>();
      for (Path dir : searched) {
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(dir, "*.zip")) {
          for (Path zip : zips) {
            if (Files.isRegularFile(zip)) {
              local.putIfAbsent(Hashes.toBase64(sha256(zip)), zip);
            }
          }
        }
      }
    }
    Path file = local.get(codeSha256);
    if (file == null) {
      return null;
    }
    // Hashed again: the file may have changed since the index was made.
    String sha256 = sha256(file);
    return Hashes.toBase64(sha256).equals(codeSha256)
        ? new Zip(file, sha256, Files.size(file), false)
        : null;
  }

  /**
   * Downloads {@code what} and checks its hash against {@code codeSha256}.
   *
   * @param name a file-name-safe name for the kept zip
   * @throws PromoteRefusedException when the bytes are not those the source reports
   */
  public Zip download(String what, String name, String codeSha256, Download download)
      throws IOException {
    Files.createDirectories(downloads);
    Path temp = Files.createTempFile(downloads, "." + name, ".tmp");
    try {
      download.to(temp);
      String sha256 = sha256(temp);
      if (!Hashes.toBase64(sha256).equals(codeSha256)) {
        throw new PromoteRefusedException(
            PromoteRefusedException.Reason.HASH_MISMATCH,
            List.of(
                what
                    + ": the downloaded zip has CodeSha256 "
                    + Hashes.toBase64(sha256)
                    + ", the source reports "
                    + codeSha256
                    + " (a corrupted download, or the source changed meanwhile)"));
      }
      Path file = downloads.resolve(name + "-" + sha256.substring(0, 12) + ".zip");
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Zip(file, sha256, Files.size(file), true);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static String sha256(Path file) {
    MessageDigest digest = Hashes.sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hex SHA-256 that a base64 {@code CodeSha256} stands for. */
  static String hex(String codeSha256) {
    return HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256));
  }
}
