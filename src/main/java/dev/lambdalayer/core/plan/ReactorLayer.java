package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.ResolvedArtifact;
import java.util.List;

/**
 * The one layer a reactor build shares across its function modules: the libraries that at least
 * {@code minModules} of them use ({@link ReactorLayerSelection}), with their files. Every module
 * carries the whole layer, also the libraries it does not use itself, so that the layer has the
 * same content, and so the same content hash and published version, in every module.
 *
 * @param name the layer's name in Lambda; null when the reactor mode is off
 * @param modules how many function modules the libraries were chosen from
 * @param leftOut libraries enough modules use, but in different versions
 */
public record ReactorLayer(
    String name,
    int minModules,
    int modules,
    List<ResolvedArtifact> libraries,
    List<ReactorLayerSelection.LeftOut> leftOut) {

  /** The reactor mode is off. */
  public static final ReactorLayer NONE = new ReactorLayer(null, 0, 0, List.of(), List.of());

  public ReactorLayer {
    libraries = List.copyOf(libraries);
    leftOut = List.copyOf(leftOut);
  }

  public boolean isEnabled() {
    return name != null;
  }
}
