package dev.lambdalayer.core;

import java.util.List;

/**
 * The port through which the core updates a function: one call per AWS operation, no decisions.
 * Methods throw {@link AwsCallException}; a {@link AwsCallException.Kind#CONFLICT} means another
 * update is still in progress.
 */
public interface FunctionDeployer {

  /** {@code GetFunctionConfiguration}. */
  FunctionState getFunction(String region, String function);

  /** {@code UpdateFunctionCode}. */
  void updateCode(String region, String function, LayerPublisher.Code code);

  /** {@code UpdateFunctionConfiguration} with the whole layer list. */
  void updateLayers(String region, String function, List<String> layerVersionArns);

  /** {@code PublishVersion}, guarded by the expected {@code CodeSha256}; returns the version. */
  String publishVersion(String region, String function, String codeSha256, String description);

  /** {@code UpdateAlias}, or {@code CreateAlias} when it does not exist yet. */
  void pointAlias(String region, String function, String alias, String version);

  /** {@code PutObject} for a function zip over 50 MB, unless {@code objectExists}. */
  boolean objectExists(String region, String bucket, String key);

  void putObject(String region, String bucket, String key, java.nio.file.Path file, long size);

  /**
   * What the plugin needs to know of a function.
   *
   * @param codeSize the function zip's size, bytes
   * @param layers the layer version ARNs, in order, with their zip sizes (0 when unknown)
   * @param lastUpdateStatus {@code Successful}, {@code InProgress} or {@code Failed}
   */
  record FunctionState(
      String functionArn,
      String codeSha256,
      long codeSize,
      List<LayerRef> layers,
      String lastUpdateStatus,
      String lastUpdateStatusReason) {

    public FunctionState {
      layers = List.copyOf(layers);
    }

    public List<String> layerArns() {
      return layers.stream().map(LayerRef::arn).toList();
    }
  }

  /** A layer version in a function's configuration. */
  record LayerRef(String arn, long codeSize) {}
}
