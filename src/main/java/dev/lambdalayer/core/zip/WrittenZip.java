package dev.lambdalayer.core.zip;

import dev.lambdalayer.core.model.Hashes;
import java.nio.file.Path;

/** A zip on disk with the figures the reports and Lambda's checks need. */
public record WrittenZip(
    Path file, long zippedBytes, long unzippedBytes, int fileCount, String sha256) {

  /** Lambda's {@code CodeSha256} of this zip. */
  public String codeSha256() {
    return Hashes.toBase64(sha256);
  }
}
