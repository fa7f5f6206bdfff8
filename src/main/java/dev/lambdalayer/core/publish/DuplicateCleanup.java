package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.LayerPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deletes a publisher's own duplicate layer versions (see {@link DuplicateVersions}) unless a
 * function version uses one, and warns with the cause: every orphan would count toward the region's
 * code-storage quota for good.
 */
final class DuplicateCleanup {

  private final FunctionReader functions;
  private final LayerPublisher publisher;
  private final Consumer<String> warn;

  DuplicateCleanup(FunctionReader functions, LayerPublisher publisher, Consumer<String> warn) {
    this.functions = functions;
    this.publisher = publisher;
    this.warn = warn;
  }

  /**
   * Deletes the duplicates no function version uses and says what happened.
   *
   * @param layerArn the layer's ARN without version
   * @param published the version the publish call answered with
   */
  void clean(
      LayerToPublish layer,
      String region,
      String layerArn,
      long published,
      DuplicateVersions duplicates) {
    List<Long> deleted = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (long version : duplicates.own()) {
      String arn = layerArn + ":" + version;
      try {
        List<FunctionReader.LayerUse> users = functions.layerVersionUsers(region, arn);
        if (!users.isEmpty()) {
          kept.add(
              "version "
                  + version
                  + " is kept: "
                  + users.stream().map(FunctionReader.LayerUse::user).toList()
                  + " already use"
                  + (users.size() == 1 ? "s" : "")
                  + " it");
          continue;
        }
        publisher.deleteLayerVersion(region, layer.name(), version);
        deleted.add(version);
      } catch (AwsCallException e) {
        kept.add(
            "version "
                + version
                + " is kept, as "
                + e.operation()
                + " failed ("
                + e.awsMessage()
                + "); delete it once nothing uses it (lambda:DeleteLayerVersion; finding its users"
                + " needs lambda:ListFunctions)");
      }
    }
    warn.accept(
        String.format(
            "Layer '%s' %s: version %d duplicates version %d (same content, sha256 %s) because %s."
                + " %s Using version %d.",
            layer.name(),
            region,
            published,
            duplicates.kept(),
            layer.sha256().substring(0, 12),
            duplicates.reason(published),
            summary(deleted, kept),
            duplicates.kept()));
  }

  private static String summary(List<Long> deleted, List<String> kept) {
    StringBuilder out = new StringBuilder();
    if (!deleted.isEmpty()) {
      out.append(
              deleted.size() == 1
                  ? "Deleted the duplicate version "
                  : "Deleted the duplicate versions ")
          .append(deleted.size() == 1 ? deleted.get(0).toString() : deleted.toString())
          .append(", so one version holds this content.");
    }
    for (String k : kept) {
      out.append(out.length() == 0 ? "" : " ")
          .append(Character.toUpperCase(k.charAt(0)))
          .append(k.substring(1))
          .append('.');
    }
    return out.toString();
  }
}
