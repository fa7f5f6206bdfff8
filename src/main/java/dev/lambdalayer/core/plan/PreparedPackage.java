package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.zip.ZipInput;
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
    List<String> warnings,
    List<VersionSkew> skews) {

  public PreparedPackage(
      LayerPlan plan,
      List<PlannedLayer> layers,
      List<List<ZipInput>> layerInputs,
      List<ZipInput> functionInputs,
      List<String> warnings) {
    this(plan, layers, layerInputs, functionInputs, warnings, List.of());
  }

  public PreparedPackage {
    skews = List.copyOf(skews);
    layers = List.copyOf(layers);
    layerInputs = layerInputs.stream().map(List::copyOf).toList();
    functionInputs = List.copyOf(functionInputs);
    warnings = List.copyOf(warnings);
  }
}
