package dev.lambdalayer.core;

import java.util.List;
import java.util.Optional;

/**
 * The port through which {@code lambda:prune} sees and deletes layer versions: one call per AWS
 * operation (or one fixed sequence of reads), no decisions. Every method throws {@link
 * AwsCallException} when AWS or the network fails after retries.
 */
public interface LayerInventory {

  /**
   * {@code ListLayerVersions}, every page. Lambda's list carries no {@code CodeSize}: entries have
   * size 0, {@link #getVersion} tells it.
   */
  List<LayerVersionInfo> listVersions(String region, String layerName);

  /** {@code GetLayerVersion}, with {@code CodeSize}; empty when the version does not exist. */
  Optional<LayerVersionInfo> getVersion(String region, String layerName, long version);

  /** {@code DeleteLayerVersion}; deleting a version that no longer exists is no error. */
  void deleteVersion(String region, String layerName, long version);

  /**
   * The layer version ARNs a function uses: {@code GetFunctionConfiguration} of {@code $LATEST},
   * {@code ListAliases}, and {@code GetFunctionConfiguration} with {@code Qualifier} for every
   * version an alias points at (its {@code FunctionVersion} and the additional version of its
   * routing configuration). Each use names who holds it, for the report.
   */
  List<LayerUse> functionReferences(String region, String function);

  /**
   * One layer version referenced by a function.
   *
   * @param layerVersionArn the referenced version
   * @param user who references it, for example {@code function 'hello' $LATEST} or {@code alias
   *     'live' of function 'hello' (version 3)}
   */
  record LayerUse(String layerVersionArn, String user) {}
}
