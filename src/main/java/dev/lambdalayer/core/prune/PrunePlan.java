package dev.lambdalayer.core.prune;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.LayerVersionInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What {@code lambda:prune} does with each version of one layer in one region: keep it (and say
 * why) or delete it. Pure: it sees the versions, the locked versions and the functions' references,
 * and calls nothing.
 *
 * <p>A version is kept when it is one of the newest {@code keep}, recorded in the lockfile, or
 * referenced by a configured function or one of its aliases; every other version is deleted.
 */
public record PrunePlan(String layerName, String region, List<Decision> decisions) {

  public PrunePlan {
    decisions = List.copyOf(decisions);
  }

  /** Why a version is kept. */
  public enum Reason {
    NEWEST,
    LOCKED,
    REFERENCED
  }

  /**
   * The fate of one version.
   *
   * @param reasons empty when the version is deleted
   * @param users who references it (a function's {@code $LATEST}, an alias), for {@link
   *     Reason#REFERENCED}
   */
  public record Decision(
      long version, String layerVersionArn, List<Reason> reasons, List<String> users) {

    public Decision {
      reasons = List.copyOf(reasons);
      users = List.copyOf(users);
    }

    public boolean delete() {
      return reasons.isEmpty();
    }

    /** Why it is kept, for people: "one of the newest 3; in the lockfile; used by alias ...". */
    public String why(int keep) {
      List<String> parts = new ArrayList<>();
      for (Reason reason : reasons) {
        parts.add(
            switch (reason) {
              case NEWEST -> "one of the newest " + keep;
              case LOCKED -> "recorded in the lockfile";
              case REFERENCED -> "used by " + String.join(", ", users);
            });
      }
      return String.join("; ", parts);
    }
  }

  /**
   * Decides for every version of {@code layerName} in {@code region}.
   *
   * @param versions what {@code ListLayerVersions} returned, in any order
   * @param locked the version numbers the lockfile records for this layer and region
   * @param uses the layer versions the configured function and its aliases reference (of any layer;
   *     only those of this layer matter)
   * @param keep how many of the newest versions are kept whatever else holds; at least 0
   */
  public static PrunePlan plan(
      String layerName,
      String region,
      List<LayerVersionInfo> versions,
      Set<Long> locked,
      List<FunctionReader.LayerUse> uses,
      int keep) {
    checkKeep(keep);
    List<LayerVersionInfo> newestFirst = new ArrayList<>(versions);
    newestFirst.sort(Comparator.comparingLong(LayerVersionInfo::version).reversed());
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      LayerVersionInfo v = newestFirst.get(i);
      List<Reason> reasons = new ArrayList<>();
      if (i < keep) {
        reasons.add(Reason.NEWEST);
      }
      if (locked.contains(v.version())) {
        reasons.add(Reason.LOCKED);
      }
      List<String> users =
          uses.stream()
              .filter(u -> u.layerVersionArn().equals(v.layerVersionArn()))
              .map(FunctionReader.LayerUse::user)
              .distinct()
              .toList();
      if (!users.isEmpty()) {
        reasons.add(Reason.REFERENCED);
      }
      decisions.add(new Decision(v.version(), v.layerVersionArn(), reasons, users));
    }
    return new PrunePlan(layerName, region, decisions);
  }

  /**
   * Refuses a negative {@code keep}. {@link #plan} checks it for each layer and region; {@code
   * lambda:prune} checks it first, so a bad value is refused before anything calls AWS.
   *
   * @throws InvalidConfigurationException naming {@link Setting#PRUNE_KEEP}
   */
  public static void checkKeep(int keep) {
    if (keep < 0) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.PRUNE_KEEP,
              String.valueOf(keep),
              "cannot keep a negative number of versions",
              "set 0 or more (the default is 3)"));
    }
  }

  public List<Decision> toDelete() {
    return decisions.stream().filter(Decision::delete).toList();
  }

  public List<Decision> toKeep() {
    return decisions.stream().filter(d -> !d.delete()).toList();
  }
}
