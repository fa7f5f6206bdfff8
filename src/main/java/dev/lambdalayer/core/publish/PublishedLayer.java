package dev.lambdalayer.core.publish;

/**
 * One layer in one region after publishing.
 *
 * @param outcome how the version was found or made
 * @param uploadedBytes bytes sent (inline or to S3) for this layer and region
 */
public record PublishedLayer(
    String layerName,
    String region,
    String account,
    String layerVersionArn,
    long version,
    String sha256,
    String codeSha256,
    Outcome outcome,
    long uploadedBytes) {

  /** How a run arrived at the version. */
  public enum Outcome {
    /** The lockfile's version, confirmed by {@code GetLayerVersion}. */
    LOCKED,
    /** A version whose Description carries the content hash, found by listing. */
    FOUND,
    /** Published by this run. */
    PUBLISHED,
    /** Another publisher made the same content first; its (lower) version is used. */
    SETTLED,
    /** Dry run: would be published. */
    WOULD_PUBLISH,
    /** A shared layer's version, published by its layer project and taken from its descriptor. */
    SHARED
  }
}
