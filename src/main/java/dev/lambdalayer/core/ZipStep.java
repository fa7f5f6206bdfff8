package dev.lambdalayer.core;

import java.io.IOException;
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
    if (reactorCache != null) {
      Optional<WrittenZip> linked =
          reactorCache.link(fingerprint, outputDirectory, fileNameForSha256);
      if (linked.isPresent()) {
        upToDate.record(key, fingerprint, linked.get());
        return new BuiltZip(name, linked.get(), libraries, false, true);
      }
    }
    // The name may depend on the content hash, known only once written: write, then rename.
    WrittenZip pending = writer.write(inputs, outputDirectory.resolve(".pending-" + key + ".zip"));
    Path target = outputDirectory.resolve(fileNameForSha256.apply(pending.sha256()));
    AtomicFiles.replace(pending.file(), target);
    WrittenZip zip =
        new WrittenZip(
            target,
            pending.zippedBytes(),
            pending.unzippedBytes(),
            pending.fileCount(),
            pending.sha256());
    if (reactorCache != null) {
      zip = reactorCache.publish(fingerprint, zip);
    }
    upToDate.record(key, fingerprint, zip);
    return new BuiltZip(name, zip, libraries, false);
  }
}
