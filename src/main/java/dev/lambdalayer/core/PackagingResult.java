package dev.lambdalayer.core;

import java.util.List;

/** The outcome of packaging: the plan, the layer zips, the function zip and any warnings. */
public record PackagingResult(
    LayerPlan plan, List<BuiltZip> layers, BuiltZip function, List<String> warnings) {

  public PackagingResult {
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }

  /** What one zip of everything would weigh: all zips together, as every entry is stored. */
  public long fatZipBytes() {
    return function.zip().zippedBytes()
        + layers.stream().mapToLong(layer -> layer.zip().zippedBytes()).sum();
  }
}
