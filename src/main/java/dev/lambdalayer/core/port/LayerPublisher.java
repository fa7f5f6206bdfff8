package dev.lambdalayer.core.port;

import dev.lambdalayer.core.model.Share;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The port through which the core changes layer versions: one call per AWS operation, no decisions.
 * Every method throws {@link AwsCallException} when AWS or the network fails after retries. Reading
 * versions is {@link LayerVersionReader}'s, uploading to S3 {@link ObjectStore}'s. Implementations
 * must be safe to call from several threads (regions run concurrently).
 */
public interface LayerPublisher {

  /** {@code PublishLayerVersion}. */
  LayerVersionInfo publishLayerVersion(String region, LayerVersionRequest request);

  /**
   * {@code PublishLayerVersion}, telling how many of the call's HTTP attempts got no answer (a
   * dropped connection, an attempt timeout) before the SDK retried: each of those may have created
   * a version of its own. An adapter that cannot tell reports none.
   */
  default Published publishCounted(String region, LayerVersionRequest request) {
    return new Published(publishLayerVersion(region, request), 0);
  }

  /**
   * What {@code PublishLayerVersion} answered.
   *
   * @param lostAnswers the call's attempts that got no answer and were retried; 0 normally
   */
  record Published(LayerVersionInfo version, int lostAnswers) {}

  /**
   * The grants of {@code GetLayerVersionPolicy}; empty when the version has no policy. A read, but
   * only ever made to change the grants: it tells which exist already.
   */
  List<Grant> grants(String region, String layerName, long version);

  /** The statement ids of {@link #grants}. */
  default Set<String> statementIds(String region, String layerName, long version) {
    return grants(region, layerName, version).stream()
        .map(Grant::statementId)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** {@code RemoveLayerVersionPermission}; a statement that no longer exists counts as removed. */
  void removePermission(String region, String layerName, long version, String statementId);

  /**
   * {@code AddLayerVersionPermission} granting {@code lambda:GetLayerVersion}; a statement id that
   * already exists counts as done.
   */
  void addPermission(
      String region, String layerName, long version, String statementId, Share share);

  /** {@code DeleteLayerVersion}; deleting a version that no longer exists is no error. */
  void deleteLayerVersion(String region, String layerName, long version);

  /**
   * One statement of a layer version's policy.
   *
   * @param statementId its {@code Sid}
   * @param share whom it grants: an account, an organization, or {@code *}; a principal the plugin
   *     cannot read (not an account, an organization or everyone) keeps its text as principal
   */
  record Grant(String statementId, Share share) {}

  /** Where a layer's or function's zip is taken from. */
  sealed interface Code permits Code.Inline, Code.S3 {

    /** Sent in the request itself ({@code ZipFile}), up to 50 MB. */
    record Inline(Path zip) implements Code {}

    /** Taken from an S3 object in the same region. */
    record S3(String bucket, String key) implements Code {}
  }

  /** What {@code PublishLayerVersion} needs. */
  record LayerVersionRequest(
      String layerName,
      Code code,
      String description,
      List<String> runtimes,
      List<String> architectures,
      String licenseInfo) {

    public LayerVersionRequest {
      runtimes = List.copyOf(runtimes);
      architectures = List.copyOf(architectures);
    }
  }
}
