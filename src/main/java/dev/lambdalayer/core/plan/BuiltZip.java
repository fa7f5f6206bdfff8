package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.zip.WrittenZip;
import java.util.List;

/**
 * A layer or function zip as built: its name, the zip's figures, the libraries it carries, and
 * whether an up-to-date zip from an earlier build was kept instead of writing it again, or an
 * identical zip that another module of the same reactor build wrote was linked instead ({@code
 * shared}).
 */
public record BuiltZip(
    String name, WrittenZip zip, List<ResolvedArtifact> libraries, boolean reused, boolean shared) {

  public BuiltZip(String name, WrittenZip zip, List<ResolvedArtifact> libraries, boolean reused) {
    this(name, zip, libraries, reused, false);
  }

  public BuiltZip {
    libraries = List.copyOf(libraries);
  }

  /** Inline upload to Lambda is capped; a larger zip must be published through S3. */
  public boolean needsS3() {
    return zip.zippedBytes() > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES;
  }

  /** The first 12 hex digits of the zip's SHA-256: the layer's content version. */
  public String shortHash() {
    return zip.sha256().substring(0, 12);
  }
}
