package dev.lambdalayer.core.promote;

import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.model.Lockfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layers in the source function's list that the project does not own (a shared layer project's
 * versions, extensions): promotion keeps their very ARNs and never republishes them, so it cannot
 * move them to another region.
 */
public final class ForeignLayers {

  private ForeignLayers() {}

  /** The function's layer ARNs that the record does not mark as the project's own, in order. */
  public static List<String> of(Lockfile.Deployment record) {
    if (record.function() == null) {
      return List.of();
    }
    Set<String> own =
        record.layers().stream()
            .map(Lockfile.DeployedLayer::layerVersionArn)
            .collect(Collectors.toSet());
    return record.function().layers().stream().filter(arn -> !own.contains(arn)).toList();
  }

  /**
   * Refuses, before anything changes, a foreign layer outside a target region: the target's
   * function could only use the very same ARN, which exists in one region only.
   */
  public static void requireInRegions(List<String> foreign, List<String> regions) {
    List<String> problems = new ArrayList<>();
    for (String arn : foreign) {
      String region = Arns.region(arn);
      List<String> elsewhere = regions.stream().filter(r -> !r.equals(region)).toList();
      if (!elsewhere.isEmpty()) {
        problems.add(
            "layer version "
                + arn
                + " is not this project's own layer (the lockfile records it as used, not"
                + " published) and is in "
                + (region.isEmpty() ? "no region" : region)
                + ", but the target runs in "
                + elsewhere
                + ": promotion cannot move a layer it does not own across regions");
      }
    }
    if (!problems.isEmpty()) {
      throw new PromoteRefusedException(
          PromoteRefusedException.Reason.FOREIGN_LAYER_OTHER_REGION, problems);
    }
  }
}
