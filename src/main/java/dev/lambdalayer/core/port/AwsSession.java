package dev.lambdalayer.core.port;

/**
 * One connection to AWS: the ports over one set of clients, closed together. Each goal takes only
 * the ports it needs, so a read-only goal never holds one that writes.
 */
public interface AwsSession extends AutoCloseable {

  /** {@code GetLayerVersion}, {@code ListLayerVersions}. */
  LayerVersionReader layerVersions();

  /** {@code GetFunctionConfiguration}, {@code ListAliases}. */
  FunctionReader functions();

  /** {@code PublishLayerVersion}, permissions, {@code DeleteLayerVersion}. */
  LayerPublisher layerPublisher();

  /** {@code UpdateFunctionCode}, {@code UpdateFunctionConfiguration}, versions and aliases. */
  FunctionDeployer functionDeployer();

  /** S3, for zips over Lambda's direct-upload limit. */
  ObjectStore objects();

  /**
   * {@code GetFunction}, {@code GetLayerVersion} with their code locations, and the downloads from
   * them: what a promotion reads from the source environment. Sessions that cannot read code (test
   * doubles of other goals) do not override it.
   */
  default CodeReader code() {
    throw new UnsupportedOperationException("this session cannot read deployed code");
  }

  /** Releases the clients; no AWS error. */
  @Override
  void close();
}
