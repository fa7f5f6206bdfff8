package dev.lambdalayer.core.plan;

import java.util.List;

/**
 * The shared layers a function uses and how: their place in the function's layer list relative to
 * the project's own layers, and whether a version skew fails the build.
 *
 * @param first shared layers come before the project's own layers in the function's layer list
 * @param failOnSkew a library the function wants in another version than a shared layer holds is an
 *     error instead of a warning
 */
public record SharedLayerSettings(List<SharedLayer> layers, boolean first, boolean failOnSkew) {

  /** No shared layers. */
  public static final SharedLayerSettings NONE = new SharedLayerSettings(List.of(), true, false);

  public SharedLayerSettings {
    layers = List.copyOf(layers);
  }

  public boolean isEmpty() {
    return layers.isEmpty();
  }

  /** The unzipped bytes all shared layers add to the function. */
  public long unzippedBytes() {
    return layers.stream().mapToLong(l -> l.descriptor().unzippedBytes()).sum();
  }
}
