package dev.lambdalayer.core.lock;

import dev.lambdalayer.core.model.FileDigest;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import dev.lambdalayer.core.zip.UpToDateCheck;
import dev.lambdalayer.core.zip.WrittenZip;
import dev.lambdalayer.core.zip.ZipInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Learns the SHA-256 a layer zip would have, without writing it, as cheaply as the inputs allow.
 *
 * <p>A zip's bytes are a pure function of its entry names, the entries' bytes, the timestamp and
 * the writer's format. So, in order: when the lockfile recorded the same inputs (every library's
 * name, size and SHA-256, the same timestamp and format), the locked hash is the answer, with no
 * further reading; when {@code lambda:layer} already wrote a zip from the same inputs, its recorded
 * hash is; otherwise the zip is streamed into a digest, never to disk.
 */
public final class LayerContentHasher {

  /** How a hash was learnt, for the debug log and the benchmark. */
  public enum Source {
    LOCKFILE,
    BUILD_STATE,
    COMPUTED
  }

  /** A layer's would-be zip hash and how it was learnt. */
  public record Hashed(String sha256, Source source) {}

  private final Instant timestamp;
  private final ReproducibleZipWriter writer;
  private final UpToDateCheck buildState;

  /**
   * @param outputDirectory where {@code lambda:layer} writes, to reuse its records; may be null
   */
  public LayerContentHasher(Instant timestamp, Path outputDirectory) {
    this.timestamp = timestamp;
    this.writer = new ReproducibleZipWriter(timestamp);
    this.buildState =
        outputDirectory == null ? null : new UpToDateCheck(outputDirectory.resolve(".state"));
  }

  public Hashed hash(String layerName, List<ZipInput> inputs, Optional<Lockfile> locked)
      throws IOException {
    String fingerprint = UpToDateCheck.fingerprint(timestamp, inputs);
    Optional<String> fromLockfile =
        locked.flatMap(lockfile -> lockedFingerprintMatches(lockfile, layerName, fingerprint));
    if (fromLockfile.isPresent()) {
      return new Hashed(fromLockfile.get(), Source.LOCKFILE);
    }
    if (buildState != null) {
      Optional<WrittenZip> built = buildState.find("layer-" + layerName, fingerprint);
      if (built.isPresent()) {
        return new Hashed(built.get().sha256(), Source.BUILD_STATE);
      }
    }
    return new Hashed(writer.sha256(inputs), Source.COMPUTED);
  }

  private Optional<String> lockedFingerprintMatches(
      Lockfile lockfile, String layerName, String fingerprint) {
    if (!ReproducibleZipWriter.FORMAT.equals(lockfile.zipFormat())) {
      return Optional.empty();
    }
    Instant lockedTimestamp;
    try {
      lockedTimestamp = Instant.parse(lockfile.outputTimestamp());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Optional<Lockfile.Layer> layer = lockfile.layer(layerName);
    if (layer.isEmpty() || layer.get().libraries().stream().anyMatch(l -> !l.hashLocked())) {
      return Optional.empty();
    }
    List<ZipInput> lockedInputs = new ArrayList<>();
    for (Lockfile.Library library : layer.get().libraries()) {
      lockedInputs.add(
          new ZipInput(
              LambdaPackager.LAYER_DIRECTORY + library.coordinates().fileName(),
              null,
              new FileDigest(library.size(), library.sha256(), 0),
              false));
    }
    return UpToDateCheck.fingerprint(lockedTimestamp, lockedInputs).equals(fingerprint)
        ? Optional.of(layer.get().sha256())
        : Optional.empty();
  }
}
