package dev.lambdalayer.core.promote;

import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.CodeReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what the lockfile records an environment runs in one region with what AWS says it runs:
 * the alias's version, the function's code and layer list, each layer version's content. A
 * promotion of anything else would deploy bits nobody tested.
 */
public final class SourceCheck {

  private SourceCheck() {}

  /** The layer version ARNs a record names: the function's list, then layers it does not list. */
  public static List<String> layerArns(Lockfile.Deployment record) {
    Set<String> arns = new LinkedHashSet<>();
    if (record.function() != null) {
      arns.addAll(record.function().layers());
    }
    record.layers().forEach(l -> arns.add(l.layerVersionArn()));
    return List.copyOf(arns);
  }

  /** The qualifier that reads what the environment serves: its alias, else the recorded version. */
  public static String qualifier(Lockfile.DeployedFunction function) {
    return function.alias() != null ? function.alias() : function.version();
  }

  /**
   * Every way AWS differs from the record, one sentence each; empty when they agree.
   *
   * @param function what {@link #qualifier} reads of the function; null when the record has none
   * @param layers what {@code GetLayerVersion} says of each of {@link #layerArns}, empty for a
   *     version that does not exist
   */
  public static List<String> differences(
      Lockfile.Deployment record,
      CodeReader.FunctionCode function,
      Map<String, Optional<CodeReader.LayerContent>> layers) {
    List<String> out = new ArrayList<>();
    String where = "environment '" + record.environment() + "' in " + record.region();
    Lockfile.DeployedFunction locked = record.function();
    if (locked != null) {
      String name = "function '" + locked.name() + "'";
      if (locked.alias() != null && !Objects.equals(function.version(), locked.version())) {
        out.add(
            where
                + ": alias '"
                + locked.alias()
                + "' of "
                + name
                + " points at version "
                + function.version()
                + ", the lockfile records version "
                + locked.version());
      }
      if (!Objects.equals(function.codeSha256(), locked.codeSha256())) {
        out.add(
            where
                + ": "
                + name
                + " runs code with CodeSha256 "
                + function.codeSha256()
                + ", the lockfile records "
                + locked.codeSha256());
      }
      if (!function.layers().equals(locked.layers())) {
        out.add(
            where
                + ": "
                + name
                + " has the layers "
                + function.layers()
                + ", the lockfile records "
                + locked.layers());
      }
    }
    for (Map.Entry<String, Optional<CodeReader.LayerContent>> e : layers.entrySet()) {
      String arn = e.getKey();
      if (e.getValue().isEmpty()) {
        out.add(where + ": layer version " + arn + " no longer exists");
        continue;
      }
      String actual = e.getValue().get().codeSha256();
      record.layers().stream()
          .filter(l -> l.layerVersionArn().equals(arn))
          .filter(l -> !l.codeSha256().equals(actual))
          .findFirst()
          .ifPresent(
              l ->
                  out.add(
                      where
                          + ": layer version "
                          + arn
                          + " holds CodeSha256 "
                          + actual
                          + ", the lockfile records "
                          + l.codeSha256()));
    }
    return out;
  }
}
