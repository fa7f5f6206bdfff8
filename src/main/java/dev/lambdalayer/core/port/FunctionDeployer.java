package dev.lambdalayer.core.port;

import java.util.List;

/**
 * The port through which the core updates a function: one call per AWS operation, no decisions.
 * Methods throw {@link AwsCallException}; a {@link AwsCallException.Kind#CONFLICT} means another
 * update is still in progress. Reading the function is {@link FunctionReader}'s.
 */
public interface FunctionDeployer {

  /** {@code UpdateFunctionCode}. */
  void updateCode(String region, String function, LayerPublisher.Code code);

  /** {@code UpdateFunctionConfiguration} with the whole layer list. */
  void updateLayers(String region, String function, List<String> layerVersionArns);

  /** {@code PublishVersion}, guarded by the expected {@code CodeSha256}; returns the version. */
  String publishVersion(String region, String function, String codeSha256, String description);

  /** {@code UpdateAlias}, or {@code CreateAlias} when it does not exist yet. */
  void pointAlias(String region, String function, String alias, String version);
}
