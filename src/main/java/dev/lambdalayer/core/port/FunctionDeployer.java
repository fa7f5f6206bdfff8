package dev.lambdalayer.core.port;

import java.time.Duration;
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

  /**
   * {@code UpdateFunctionConfiguration} with {@code SnapStart.ApplyOn}: {@code PublishedVersions}
   * when {@code on}, else {@code None}.
   */
  void updateSnapStart(String region, String function, boolean on);

  /**
   * Waits until a published version's {@code State} leaves {@code Pending} (SnapStart optimizes a
   * version before it can run): returns when it is {@code Active}; throws when it ends {@code
   * Failed} (with its {@code StateReason}) or is still {@code Pending} after {@code timeout}.
   */
  void awaitVersionActive(
      String region, String function, String version, Duration timeout, Duration pollInterval);

  /** {@code UpdateAlias}, or {@code CreateAlias} when it does not exist yet. */
  void pointAlias(String region, String function, String alias, String version);
}
