package dev.lambdalayer.core.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The lines a dry run of a publish prints: what each layer and the function would call. */
public final class PublishDryRun {

  private PublishDryRun() {}

  /**
   * Per layer and region: the version it would reuse, else what it would upload and publish.
   *
   * @param locked the lockfile's versions, as the publish would look them up
   */
  public static List<String> layerLines(
      PublishSettings settings,
      List<LayerToPublish> layers,
      LayerPublishing.LockedVersions locked) {
    List<String> lines = new ArrayList<>();
    for (LayerToPublish layer : layers) {
      for (String region : settings.regions()) {
        OptionalLong version = locked.version(layer.name(), layer.sha256(), region);
        lines.add(
            String.format(
                Locale.ROOT,
                "Layer '%s' %s sha256 %s: %s; else %s and PublishLayerVersion (runtimes %s,"
                    + " architectures %s%s, Description \"%s\")%s.",
                layer.name(),
                region,
                layer.sha256().substring(0, 12),
                version.isPresent()
                    ? "reuse locked version "
                        + version.getAsLong()
                        + " if GetLayerVersion confirms it"
                    : "reuse a version whose Description carries " + layer.hashMarker(),
                upload(settings, layer, region),
                layer.runtimes(),
                layer.architectures(),
                settings.licenseInfo() == null ? "" : ", license " + settings.licenseInfo(),
                layer.description(),
                settings.shares().isEmpty() ? "" : "; share with " + settings.shares()));
      }
    }
    return lines;
  }

  /**
   * Per region: the function's code and layer updates.
   *
   * @param function the function as the publish would deploy it (see {@link FunctionToDeploy#of}):
   *     its name and alias as the deploy uses them, not as typed
   */
  public static List<String> functionLines(List<String> regions, FunctionToDeploy function) {
    String alias = function.alias();
    List<String> lines = new ArrayList<>();
    for (String region : regions) {
      lines.add(
          String.format(
              Locale.ROOT,
              "Function '%s' %s: UpdateFunctionCode with %s (%,d bytes, CodeSha256 %s)"
                  + " unless equal; UpdateFunctionConfiguration with the layers above, other"
                  + " layers kept%s%s.",
              function.function(),
              region,
              function.zip().getFileName(),
              function.zippedBytes(),
              function.codeSha256(),
              snapStart(function.snapStart()),
              alias == null
                  ? ""
                  : Boolean.TRUE.equals(function.snapStart())
                      ? "; PublishVersion, wait until the version is Active (SnapStart"
                          + " optimization), then move alias '"
                          + alias
                          + "'"
                      : "; PublishVersion and move alias '" + alias + "'"));
    }
    return lines;
  }

  private static String snapStart(Boolean snapStart) {
    if (snapStart == null) {
      return "";
    }
    return snapStart
        ? "; UpdateFunctionConfiguration with SnapStart ApplyOn=PublishedVersions unless set"
        : "; UpdateFunctionConfiguration with SnapStart ApplyOn=None if SnapStart is on";
  }

  private static String upload(PublishSettings settings, LayerToPublish layer, String region) {
    return layer.needsS3()
        ? String.format(
            Locale.ROOT,
            "upload %s (%,d bytes) to s3://%s/%s unless already there",
            layer.zip().getFileName(),
            layer.zippedBytes(),
            settings.bucket(region),
            layer.s3Key())
        : String.format(
            Locale.ROOT,
            "upload %s (%,d bytes) inline",
            layer.zip().getFileName(),
            layer.zippedBytes());
  }
}
