package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.plan.BuiltZip;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A built layer zip with what {@code PublishLayerVersion} needs to know about it. */
public record LayerToPublish(
    String name,
    Path zip,
    String sha256,
    long zippedBytes,
    long unzippedBytes,
    List<String> runtimes,
    List<String> architectures) {

  public LayerToPublish {
    runtimes = List.copyOf(runtimes);
    architectures = List.copyOf(architectures);
  }

  public static LayerToPublish of(BuiltZip zip, List<String> runtimes, List<String> architectures) {
    return new LayerToPublish(
        zip.name(),
        zip.zip().file(),
        zip.zip().sha256(),
        zip.zip().zippedBytes(),
        zip.zip().unzippedBytes(),
        runtimes,
        architectures);
  }

  public String codeSha256() {
    return Hashes.toBase64(sha256);
  }

  /**
   * The marker this plugin writes into each version's Description, so that a later run (or another
   * CI job) recognizes the content without a lockfile: the zip's hash, and a short hash of the
   * runtimes and architectures, so that changing those makes a new version instead of reusing one
   * that declares the old ones.
   */
  public String hashMarker() {
    String metadata = String.join(",", runtimes) + "|" + String.join(",", architectures);
    return "sha256:"
        + sha256
        + " meta:"
        + Hashes.sha256Hex(metadata.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
  }

  /** The Description of a new version: at most 256 characters, carrying the hash marker. */
  public String description() {
    return name + " " + hashMarker() + " (lambda-layer-maven-plugin)";
  }

  /** The content-addressed S3 key: identical content is uploaded once per bucket. */
  public String s3Key() {
    return "lambda-layers/" + name + "/" + sha256 + ".zip";
  }

  public boolean needsS3() {
    return zippedBytes > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES;
  }
}
