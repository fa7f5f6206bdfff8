package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.plan.BuiltZip;
import java.nio.file.Path;
import java.util.Set;

/**
 * The slim function zip and where it goes.
 *
 * @param function a function name or ARN
 * @param alias the alias to move to a new version once everything succeeded; may be null
 * @param snapStart {@code true}: SnapStart on ({@code ApplyOn=PublishedVersions}) and each new
 *     version awaited until {@code Active} before the alias moves; {@code false}: SnapStart off
 *     when it is on; null: the function's SnapStart setting is left as it is
 */
public record FunctionToDeploy(
    String function,
    Path zip,
    String sha256,
    long zippedBytes,
    long unzippedBytes,
    String alias,
    Set<String> retiredLayers,
    Boolean snapStart) {

  /**
   * @param retiredLayers layer ARNs without version of layers this plugin published before (per the
   *     lockfile) that the project no longer has: removed from the function's layer list
   */
  public FunctionToDeploy {
    retiredLayers = Set.copyOf(retiredLayers);
  }

  /** A function whose SnapStart setting is left as it is. */
  public FunctionToDeploy(
      String function,
      Path zip,
      String sha256,
      long zippedBytes,
      long unzippedBytes,
      String alias,
      Set<String> retiredLayers) {
    this(function, zip, sha256, zippedBytes, unzippedBytes, alias, retiredLayers, null);
  }

  /** A function with no retired layers. */
  public FunctionToDeploy(
      String function,
      Path zip,
      String sha256,
      long zippedBytes,
      long unzippedBytes,
      String alias) {
    this(function, zip, sha256, zippedBytes, unzippedBytes, alias, Set.of());
  }

  /**
   * The function zip just built, deployed as {@code function}: what a publish deploys and what its
   * dry run prints, so the two cannot disagree.
   *
   * @param function the function's name or ARN as configured; surrounding blanks are dropped
   * @param alias the alias as configured; surrounding blanks are dropped, and a blank or null alias
   *     means none
   */
  public static FunctionToDeploy of(
      String function, BuiltZip zip, String alias, Set<String> retiredLayers) {
    return of(function, zip, alias, retiredLayers, null);
  }

  /** As {@link #of(String, BuiltZip, String, Set)}, with the SnapStart setting. */
  public static FunctionToDeploy of(
      String function, BuiltZip zip, String alias, Set<String> retiredLayers, Boolean snapStart) {
    return new FunctionToDeploy(
        function.trim(),
        zip.zip().file(),
        zip.zip().sha256(),
        zip.zip().zippedBytes(),
        zip.zip().unzippedBytes(),
        alias == null || alias.isBlank() ? null : alias.trim(),
        retiredLayers,
        snapStart);
  }

  public String codeSha256() {
    return Hashes.toBase64(sha256);
  }

  public boolean needsS3() {
    return zippedBytes > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES;
  }

  public String s3Key() {
    String name =
        function.contains(":") ? function.substring(function.lastIndexOf(':') + 1) : function;
    return "lambda-functions/" + name + "/" + sha256 + ".zip";
  }
}
