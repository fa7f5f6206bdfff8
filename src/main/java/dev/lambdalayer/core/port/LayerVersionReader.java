package dev.lambdalayer.core.port;

import dev.lambdalayer.core.model.Arns;
import java.util.List;
import java.util.Optional;

/**
 * The read-only port to layer versions: one call per AWS operation, no decisions. Every method
 * throws {@link AwsCallException} when AWS or the network fails after retries. Implementations must
 * be safe to call from several threads (regions run concurrently).
 */
public interface LayerVersionReader {

  /**
   * {@code GetLayerVersion}, with {@code CodeSha256} and {@code CodeSize}; empty when the version
   * does not exist (any more).
   *
   * @param layerName the layer's name, or its ARN without version (for another account's layer)
   */
  Optional<LayerVersionInfo> getLayerVersion(String region, String layerName, long version);

  /**
   * {@code GetLayerVersionByArn}: the version an ARN names, in whichever account it lives; empty
   * when it does not exist (any more). The default asks {@link #getLayerVersion} with the ARN's
   * layer and number, which Lambda answers alike.
   *
   * @param layerVersionArn {@code arn:aws:lambda:<region>:<account>:layer:<name>:<version>}
   */
  default Optional<LayerVersionInfo> getLayerVersionByArn(String region, String layerVersionArn) {
    return getLayerVersion(
        region,
        Arns.withoutVersion(layerVersionArn),
        Long.parseLong(layerVersionArn.substring(layerVersionArn.lastIndexOf(':') + 1)));
  }

  /**
   * {@code ListLayerVersions}, every page. Lambda's list carries neither {@code CodeSha256} nor
   * {@code CodeSize}: {@link #getLayerVersion} tells them.
   */
  List<LayerVersionInfo> listLayerVersions(String region, String layerName);
}
