package dev.lambdalayer.core.plan;

import java.util.List;

/**
 * The outcome of packaging: the plan, the layer zips, the function zip (null for a layer project)
 * and any warnings, the version skews against shared layers, and the shared layers rebuilt from
 * their resolved jars for the class-path check (never deployed).
 */
public record PackagingResult(
    LayerPlan plan,
    List<BuiltZip> layers,
    BuiltZip function,
    List<String> warnings,
    List<VersionSkew> skews,
    List<BuiltZip> sharedLayerZips) {

  public PackagingResult(
      LayerPlan plan, List<BuiltZip> layers, BuiltZip function, List<String> warnings) {
    this(plan, layers, function, warnings, List.of(), List.of());
  }

  public PackagingResult {
    skews = List.copyOf(skews);
    sharedLayerZips = List.copyOf(sharedLayerZips);
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }

  /**
   * The layers in the order Lambda merges them into {@code /opt}: the shared layers before the
   * project's own when {@code sharedFirst}, else after.
   */
  public List<BuiltZip> layersInMergeOrder(boolean sharedFirst) {
    List<BuiltZip> ordered = new java.util.ArrayList<>();
    ordered.addAll(sharedFirst ? sharedLayerZips : layers);
    ordered.addAll(sharedFirst ? layers : sharedLayerZips);
    return ordered;
  }

  /** A layer's name as reports show it: a shared layer is marked so. */
  public String layerLabel(BuiltZip layer) {
    return sharedLayerZips.contains(layer) ? layer.name() + " (shared)" : layer.name();
  }

  /** What one zip of everything would weigh: all zips together, as every entry is stored. */
  public long fatZipBytes() {
    return function.zip().zippedBytes()
        + layers.stream().mapToLong(layer -> layer.zip().zippedBytes()).sum();
  }
}
