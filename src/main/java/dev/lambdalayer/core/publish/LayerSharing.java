package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.port.LayerPublisher;
import dev.lambdalayer.core.port.LayerPublisher.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes the grants on a layer version equal the declared shares: reads the version's policy, adds
 * each declared grant that is missing, and removes every grant that is not declared (with a warning
 * naming it), so that removing an account from the build revokes its access.
 */
public final class LayerSharing {

  private final LayerPublisher publisher;
  private final List<Share> declared;
  private final Consumer<String> info;
  private final Consumer<String> warn;

  /**
   * @param declared the shares the build declares; empty means the version is shared with no one
   * @param info where added grants are reported
   * @param warn where removed grants are reported
   */
  public LayerSharing(
      LayerPublisher publisher,
      List<Share> declared,
      Consumer<String> info,
      Consumer<String> warn) {
    this.publisher = publisher;
    this.declared = List.copyOf(declared);
    this.info = info;
    this.warn = warn;
  }

  /** Converges one version's grants; returns how many grants it added and removed. */
  public int converge(String region, String layerName, long version) {
    List<Grant> present = publisher.grants(region, layerName, version);
    int changes = 0;
    for (Share share : declared) {
      if (present.stream().noneMatch(g -> grants(g, share))) {
        publisher.addPermission(region, layerName, version, share.statementId(), share);
        info.accept(
            String.format(
                "Layer '%s' %s version %d: shared with %s.", layerName, region, version, share));
        changes++;
      }
    }
    for (Grant grant : present) {
      if (declared.stream().noneMatch(share -> grants(grant, share))) {
        publisher.removePermission(region, layerName, version, grant.statementId());
        warn.accept(
            String.format(
                "Layer '%s' %s version %d: removed the grant to %s (statement %s), which is not"
                    + " among the declared shares; whom it named can no longer add this version to"
                    + " a function (functions already using it keep it).",
                layerName, region, version, grant.share(), grant.statementId()));
        changes++;
      }
    }
    return changes;
  }

  /** Whether {@code grant} is the declared {@code share}, by statement id or by whom it grants. */
  static boolean grants(Grant grant, Share share) {
    return grant.statementId().equals(share.statementId())
        || (grant.share().principal().equals(share.principal())
            && Objects.equals(grant.share().organizationId(), share.organizationId()));
  }

  /**
   * A share with everyone ({@code *} without an organization) unless the build opted in: making a
   * layer public must never be the result of a typo or a copied example.
   */
  public static List<Violation> publicWithoutOptIn(List<Share> declared, boolean optedIn) {
    if (optedIn
        || declared.stream()
            .noneMatch(s -> s.principal().equals("*") && s.organizationId() == null)) {
      return List.of();
    }
    return List.of(
        new Violation(
            Setting.SHARE,
            "*",
            "would let every AWS account use the layer versions, and public sharing is not"
                + " enabled",
            "share with account ids or an organization id instead, or, if the layers are meant to"
                + " be public, enable public sharing",
            Setting.SHARE_PUBLICLY));
  }

  /** What a dry run says about sharing, without reading any policy. */
  public static String dryRunLine(List<Share> declared) {
    List<String> names = new ArrayList<>();
    declared.forEach(s -> names.add(s.toString()));
    return declared.isEmpty()
        ? "Sharing: each version's policy (GetLayerVersionPolicy) must grant no one; every grant"
            + " found is removed (RemoveLayerVersionPermission) with a warning."
        : "Sharing: each version's policy (GetLayerVersionPolicy) must grant exactly "
            + names
            + "; a missing grant is added (AddLayerVersionPermission), any other grant is removed"
            + " (RemoveLayerVersionPermission) with a warning.";
  }
}
