package dev.lambdalayer.core;

import java.util.List;

/**
 * A checked plan and what each zip would hold, before anything is written: the non-empty layers
 * with their zip inputs (in the same order) and the function's inputs.
 */
public record PreparedPackage(
    LayerPlan plan,
    List<PlannedLayer> layers,
    List<List<ZipInput>> layerInputs,
    List<ZipInput> functionInputs,
    List<String> warnings) {

  public PreparedPackage {
    layers = List.copyOf(layers);
    layerInputs = layerInputs.stream().map(List::copyOf).toList();
    functionInputs = List.copyOf(functionInputs);
    warnings = List.copyOf(warnings);
  }
}
