package dev.lambdalayer.core.promote;

import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.model.Lockfile;
import java.util.ArrayList;
import java.util.List;

/** Every call a promotion would make, as lines, from the lockfile's record alone: no AWS call. */
public final class PromotionDryRun {

  private PromotionDryRun() {}

  /**
   * @param records the source's records, the first one the content source
   * @param function the target's function; null for none
   * @param alias the target's alias; null for none
   */
  public static List<String> lines(
      List<Lockfile.Deployment> records,
      String target,
      List<String> regions,
      String function,
      String alias) {
    List<String> out = new ArrayList<>();
    Lockfile.Deployment primary = records.get(0);
    String source = primary.environment();
    for (Lockfile.Deployment record : records) {
      if (record.function() != null) {
        out.add(
            String.format(
                "%s %s: GetFunction %s qualifier %s (expect version %s, CodeSha256 %s, layers %s)",
                source,
                record.region(),
                record.function().name(),
                SourceCheck.qualifier(record.function()),
                record.function().version(),
                record.function().codeSha256(),
                record.function().layers()));
      }
      for (String arn : SourceCheck.layerArns(record)) {
        out.add(
            String.format(
                "%s %s: GetLayerVersion %s (expect CodeSha256 %s)",
                source, record.region(), arn, recorded(record, arn)));
      }
    }
    List<String> foreign = ForeignLayers.of(primary);
    List<String> own =
        SourceCheck.layerArns(primary).stream().filter(arn -> !foreign.contains(arn)).toList();
    for (String arn : own) {
      out.add(
          String.format(
              "%s %s: download layer version %s from its Content.Location, unless this build"
                  + " holds a zip with CodeSha256 %s; hash checked",
              source, primary.region(), arn, recorded(primary, arn)));
    }
    if (primary.function() != null) {
      out.add(
          String.format(
              "%s %s: download function %s version %s from its Code.Location, unless this build"
                  + " holds a zip with CodeSha256 %s; hash checked",
              source,
              primary.region(),
              primary.function().name(),
              primary.function().version(),
              primary.function().codeSha256()));
    }
    for (String region : regions) {
      for (String arn : own) {
        String name = Arns.layerName(arn).orElse(arn);
        out.add(
            String.format(
                "%s %s: ListLayerVersions/GetLayerVersion %s to find a version with CodeSha256"
                    + " %s, else PublishLayerVersion %s",
                target, region, name, recorded(primary, arn), name));
      }
      for (String arn : foreign) {
        out.add(
            String.format(
                "%s %s: keep %s (not this project's layer), GetLayerVersionByArn to check it holds"
                    + " what the source runs",
                target, region, arn));
      }
      if (primary.function() != null && function != null) {
        out.add(
            String.format(
                "%s %s: GetFunctionConfiguration %s; UpdateFunctionConfiguration Layers = the"
                    + " promoted versions of %s (in this order) and UpdateFunctionCode to CodeSha256"
                    + " %s, each only if it differs",
                target,
                region,
                function,
                primary.function().layers(),
                primary.function().codeSha256()));
        if (alias != null) {
          out.add(
              String.format(
                  "%s %s: PublishVersion %s (CodeSha256 %s), UpdateAlias %s (CreateAlias if it"
                      + " does not exist)",
                  target, region, function, primary.function().codeSha256(), alias));
        }
      }
    }
    return out;
  }

  private static String recorded(Lockfile.Deployment record, String arn) {
    return record.layers().stream()
        .filter(l -> l.layerVersionArn().equals(arn))
        .map(Lockfile.DeployedLayer::codeSha256)
        .findFirst()
        .orElse("(as GetLayerVersion reports)");
  }
}
