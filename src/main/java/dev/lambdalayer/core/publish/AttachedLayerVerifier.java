package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.plan.SharedLayer;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import dev.lambdalayer.core.port.LayerVersionInfo;
import dev.lambdalayer.core.port.LayerVersionReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks AWS what each layer version a function is about to use holds ({@code GetLayerVersionByArn})
 * and compares its {@code CodeSha256} with what the build checked: the lockfile for the project's
 * own layers, the descriptor for a shared layer. A deploy, a promotion or an audit calls it before
 * it relies on the versions; a mismatch or a version that no longer exists must stop a deploy
 * before any function call.
 */
public final class AttachedLayerVerifier {

  /** Where the expected content comes from, which decides the fix. */
  public enum Origin {
    /** This project's own layer: the lockfile and the zip this build wrote. */
    OWN,
    /** A layer project's layer: its descriptor. */
    SHARED,
    /** A layer version promoted from another environment: the source's content. */
    PROMOTED
  }

  /**
   * A layer version a function will use.
   *
   * @param region where the function runs, which is where the version must be
   * @param expectedCodeSha256 the base64 {@code CodeSha256} the build checked
   * @param source where that hash comes from, for messages (the lockfile, a shared layer's
   *     descriptor)
   */
  public record AttachedLayer(
      String layerName,
      String region,
      String layerVersionArn,
      String expectedCodeSha256,
      Origin origin,
      String source) {}

  /**
   * A version that does not hold what the build checked.
   *
   * @param actualCodeSha256 what AWS reports; null when the version does not exist
   */
  public record Mismatch(AttachedLayer layer, String actualCodeSha256) {

    public boolean missing() {
      return actualCodeSha256 == null;
    }

    /** What is wrong, with the layer, region, both hashes and the fix. */
    public String message() {
      String what =
          "layer '"
              + layer.layerName()
              + "' in "
              + layer.region()
              + " ("
              + layer.layerVersionArn()
              + ")";
      String problem =
          missing()
              ? what
                  + " does not exist (GetLayerVersionByArn: not found); "
                  + layer.source()
                  + " records CodeSha256 "
                  + layer.expectedCodeSha256()
              : what
                  + " holds CodeSha256 "
                  + actualCodeSha256
                  + ", but "
                  + layer.source()
                  + " records "
                  + layer.expectedCodeSha256()
                  + ": its content is not what this build checked";
      return problem + ". " + fix();
    }

    private String fix() {
      if (layer.origin() == Origin.SHARED) {
        return "Publish the shared layer project again and install (or deploy) it, then build"
            + " this function against the descriptor it installs (update the shared layer's"
            + " version if it changed)";
      }
      if (layer.origin() == Origin.PROMOTED) {
        return "The target's function was not changed. That target version does not hold what"
            + " the source environment runs: delete it in the target (or, for a layer this"
            + " project does not own, make the same version available to the target), then"
            + " promote again";
      }
      return "That version was not published from this content: delete it, or remove its"
          + " record from the lockfile, and publish again";
    }
  }

  private final LayerVersionReader versions;

  /** Read-only: verifying changes nothing. */
  public AttachedLayerVerifier(LayerVersionReader versions) {
    this.versions = versions;
  }

  /**
   * Every version that does not hold what the build checked; each ARN is read once.
   *
   * @throws dev.lambdalayer.core.port.AwsCallException when AWS cannot tell (other than "not
   *     found")
   */
  public List<Mismatch> verify(List<AttachedLayer> layers) {
    Map<String, Optional<LayerVersionInfo>> read = new LinkedHashMap<>();
    List<Mismatch> mismatches = new ArrayList<>();
    for (AttachedLayer layer : layers) {
      Optional<LayerVersionInfo> remote =
          read.computeIfAbsent(
              layer.region() + " " + layer.layerVersionArn(),
              k -> versions.getLayerVersionByArn(layer.region(), layer.layerVersionArn()));
      if (remote.isEmpty()) {
        mismatches.add(new Mismatch(layer, null));
      } else if (!layer.expectedCodeSha256().equals(remote.get().codeSha256())) {
        mismatches.add(new Mismatch(layer, String.valueOf(remote.get().codeSha256())));
      }
    }
    return mismatches;
  }

  /** The project's own layers as published or found, expected to hold the built content. */
  public static List<AttachedLayer> own(List<PublishedLayer> published, String lockfileName) {
    return published.stream()
        .map(
            p ->
                new AttachedLayer(
                    p.layerName(),
                    p.region(),
                    p.layerVersionArn(),
                    p.codeSha256(),
                    Origin.OWN,
                    lockfileName + " (and the layer zip this build wrote)"))
        .toList();
  }

  /** The shared layers' versions per region, expected to hold what their descriptors record. */
  public static List<AttachedLayer> shared(
      Map<String, List<PublishedLayer>> byRegion, SharedLayerSettings settings) {
    Map<String, String> references = new LinkedHashMap<>();
    for (SharedLayer layer : settings.layers()) {
      references.put(layer.name(), layer.reference());
    }
    List<AttachedLayer> out = new ArrayList<>();
    for (List<PublishedLayer> layers : byRegion.values()) {
      for (PublishedLayer p : layers) {
        out.add(
            new AttachedLayer(
                p.layerName(),
                p.region(),
                p.layerVersionArn(),
                p.codeSha256(),
                Origin.SHARED,
                "the descriptor of shared layer "
                    + references.getOrDefault(p.layerName(), p.layerName())));
      }
    }
    return out;
  }

  /** What a dry run says the deploy would check first, without calling AWS. */
  public static List<String> dryRunLines(List<AttachedLayer> shared, boolean ownLayers) {
    List<String> lines = new ArrayList<>();
    for (AttachedLayer layer : shared) {
      lines.add(
          "Verify layer '"
              + layer.layerName()
              + "' "
              + layer.region()
              + " "
              + layer.layerVersionArn()
              + ": GetLayerVersionByArn must report CodeSha256 "
              + layer.expectedCodeSha256()
              + " ("
              + layer.source()
              + ") before any function call.");
    }
    if (ownLayers) {
      lines.add(
          "Verify each of this project's layer versions with GetLayerVersionByArn: its"
              + " CodeSha256 must be the built zip's, before any function call.");
    }
    return lines;
  }
}
