package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import dev.lambdalayer.core.zip.UpToDateCheck;
import dev.lambdalayer.core.zip.WrittenZip;
import dev.lambdalayer.core.zip.ZipInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes one zip unless the zip of an earlier build was made from the same inputs, and names it,
 * possibly after its own content hash.
 */
final class ZipStep {

  private final Path outputDirectory;
  private final ReproducibleZipWriter writer;
  private final Instant timestamp;
  private final UpToDateCheck upToDate;
  private final ReactorLayerCache reactorCache;

  ZipStep(Path outputDirectory, Instant timestamp) {
    this(outputDirectory, timestamp, null);
  }

  /**
   * @param reactorCache where the modules of a reactor build share zips of identical content; null
   *     to write every zip here
   */
  ZipStep(Path outputDirectory, Instant timestamp, Path reactorCache) {
    this.reactorCache = reactorCache == null ? null : new ReactorLayerCache(reactorCache);
    this.outputDirectory = outputDirectory;
    this.writer = new ReproducibleZipWriter(timestamp);
    this.timestamp = timestamp;
    this.upToDate = new UpToDateCheck(outputDirectory.resolve(".state"));
  }

  /**
   * @param key identifies the zip across builds
   * @param fileNameForSha256 the final file name, given the zip's SHA-256 in hex
   */
  BuiltZip write(
      String key,
      String name,
      List<ZipInput> inputs,
      List<ResolvedArtifact> libraries,
      UnaryOperator<String> fileNameForSha256)
      throws IOException {
    String fingerprint = UpToDateCheck.fingerprint(timestamp, inputs);
    Optional<WrittenZip> kept = upToDate.find(key, fingerprint);
    if (kept.isPresent()) {
      return new BuiltZip(name, kept.get(), libraries, true);
    }
    Optional<Path> replaced = upToDate.recordedZip(key);
    BuiltZip built = writeOrLink(key, name, fingerprint, inputs, libraries, fileNameForSha256);
    // The older content version of this zip is ours (its record says we wrote it): remove it, so
    // versions do not pile up. Files are never deleted by a name pattern: a user's may match.
    if (replaced.isPresent() && !replaced.get().equals(built.zip().file())) {
      Files.deleteIfExists(replaced.get());
    }
    return built;
  }

  private BuiltZip writeOrLink(
      String key,
      String name,
      String fingerprint,
      List<ZipInput> inputs,
      List<ResolvedArtifact> libraries,
      UnaryOperator<String> fileNameForSha256)
      throws IOException {
    Path claim = null;
    if (reactorCache != null) {
      ReactorLayerCache.Lookup lookup =
          reactorCache.linkOrClaim(fingerprint, outputDirectory, fileNameForSha256);
      if (lookup.linked() != null) {
        upToDate.record(key, fingerprint, lookup.linked());
        return new BuiltZip(name, lookup.linked(), libraries, false, true);
      }
      claim = lookup.claim();
    }
    WrittenZip zip;
    try {
      zip = writeZip(key, inputs, fileNameForSha256);
      if (reactorCache != null) {
        zip = reactorCache.publish(fingerprint, zip);
      }
    } finally {
      ReactorClaim.release(claim);
    }
    upToDate.record(key, fingerprint, zip);
    return new BuiltZip(name, zip, libraries, false);
  }

  private WrittenZip writeZip(String key, List<ZipInput> inputs, UnaryOperator<String> fileName)
      throws IOException {
    // The name may depend on the content hash, known only once written: write, then rename.
    WrittenZip pending = writer.write(inputs, outputDirectory.resolve(".pending-" + key + ".zip"));
    Path target = outputDirectory.resolve(fileName.apply(pending.sha256()));
    AtomicFiles.replace(pending.file(), target);
    return new WrittenZip(
        target,
        pending.zippedBytes(),
        pending.unzippedBytes(),
        pending.fileCount(),
        pending.sha256());
  }
}
