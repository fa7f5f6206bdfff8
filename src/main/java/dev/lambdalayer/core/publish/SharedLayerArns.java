package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.SharedLayer;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared layers' versions for each region a function is deployed to. */
public final class SharedLayerArns {

  private SharedLayerArns() {}

  /**
   * Per region, each shared layer's published version, from its descriptor.
   *
   * @throws InvalidConfigurationException naming every shared layer and region without a version
   */
  public static Map<String, List<PublishedLayer>> forRegions(
      SharedLayerSettings shared, List<String> regions) {
    Map<String, List<PublishedLayer>> out = new LinkedHashMap<>();
    List<Violation> missing = new ArrayList<>();
    for (String region : regions) {
      List<PublishedLayer> layers = new ArrayList<>();
      for (SharedLayer layer : shared.layers()) {
        LayerDescriptor d = layer.descriptor();
        d.publishedIn(region)
            .ifPresentOrElse(
                p ->
                    layers.add(
                        new PublishedLayer(
                            d.name(),
                            region,
                            p.account(),
                            p.layerVersionArn(),
                            p.version(),
                            d.sha256(),
                            d.codeSha256(),
                            PublishedLayer.Outcome.SHARED,
                            0)),
                () ->
                    missing.add(
                        new Violation(
                            Setting.SHARED_LAYERS,
                            layer.reference(),
                            "layer '"
                                + d.name()
                                + "' has no published version in "
                                + region
                                + " (its descriptor lists "
                                + (d.published().isEmpty()
                                    ? "none"
                                    : d.published().stream()
                                        .map(Lockfile.Published::region)
                                        .distinct()
                                        .toList())
                                + ")",
                            "add "
                                + region
                                + " to the layer project's regions, publish it and install (or"
                                + " deploy) it, then build this function against the descriptor"
                                + " it installs")));
      }
      out.put(region, layers);
    }
    if (!missing.isEmpty()) {
      throw new InvalidConfigurationException(missing);
    }
    return out;
  }

  /** The function's managed layers per region: shared ones first or last, as configured. */
  public static Map<String, List<PublishedLayer>> merge(
      Map<String, List<PublishedLayer>> own,
      Map<String, List<PublishedLayer>> shared,
      boolean sharedFirst) {
    Map<String, List<PublishedLayer>> out = new LinkedHashMap<>();
    java.util.Set<String> regions = new java.util.LinkedHashSet<>(own.keySet());
    regions.addAll(shared.keySet());
    for (String region : regions) {
      List<PublishedLayer> list = new ArrayList<>();
      List<PublishedLayer> mine = own.getOrDefault(region, List.of());
      List<PublishedLayer> theirs = shared.getOrDefault(region, List.of());
      list.addAll(sharedFirst ? theirs : mine);
      list.addAll(sharedFirst ? mine : theirs);
      out.put(region, list);
    }
    return out;
  }
}
