package dev.lambdalayer.maven;

import dev.lambdalayer.core.AwsCallException;
import dev.lambdalayer.core.AwsPorts;
import dev.lambdalayer.core.AwsSession;
import dev.lambdalayer.core.InvalidConfigurationException;
import dev.lambdalayer.core.LayerPruning;
import dev.lambdalayer.core.Lockfile;
import dev.lambdalayer.core.LockfileCodec;
import dev.lambdalayer.core.PrunePlan;
import dev.lambdalayer.core.PublishSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes old versions of the layers this project publishes, in each of {@code <regions>}: every
 * version that is not one of the newest {@code <keep>}, not recorded in the lockfile's {@code
 * published} entries, and not used by {@code <function>} ({@code $LATEST}) or by a version one of
 * its aliases routes to. Layer storage counts toward Lambda's 75 GB regional limit.
 *
 * <p>A dry run by default: it prints which versions it would delete (with their size) and why each
 * other version is kept, and writes {@code target/lambda/prune.json}. {@code
 * -Dlambda.prune.apply=true} deletes them ({@code DeleteLayerVersion}), asking the function and its
 * aliases again right before each deletion. Functions other than {@code <function>} are not
 * checked: a version only they use is deleted (they keep running, but can no longer be updated with
 * it). Needs the network, also for a dry run; refused under {@code mvn -o}.
 *
 * @since 0.1.0
 */
@Mojo(name = "prune", threadSafe = true)
public class PruneMojo extends AbstractAwsMojo {

  /**
   * How many of each layer's newest versions are kept in each region whether or not anything uses
   * them. 0 keeps only what the lockfile records and the function and its aliases use.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.prune.keep", defaultValue = "3")
  private int keep;

  /**
   * Delete the versions that the dry run lists. Without it, {@code lambda:prune} only reports.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.prune.apply", defaultValue = "false")
  private boolean apply;

  @Inject
  public PruneMojo(RuntimeGraphResolver resolver, AwsPorts ports) {
    super(resolver, ports);
  }

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    if (session.isOffline()) {
      throw new MojoFailureException(
          "lambda:prune needs the network to reach AWS (a dry run lists the layer versions too),"
              + " but Maven runs offline (-o). Run it without -o.");
    }
    // The core's own check, before the lockfile, the regions and AWS; the plan checks it again.
    PrunePlan.checkKeep(keep);
    Optional<Lockfile> lock = LockfileCodec.read(lockfile.toPath());
    List<String> layerNames = layerNames(lock);
    List<String> pruneRegions = resolveRegions(true);
    if (pruneRegions.isEmpty()) {
      throw new InvalidConfigurationException(
          PublishSettings.noRegion("lambda:prune needs a region, and the AWS SDK found none"));
    }
    String fn = functionName();
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "Pruning layer(s) %s in %s, keeping the newest %d, the versions locked in %s%s%s",
                layerNames,
                pruneRegions,
                keep,
                lockfileName(),
                fn == null ? "" : " and those function '" + fn + "' and its aliases use",
                apply
                    ? ":"
                    : " (dry run: nothing is deleted; -Dlambda.prune.apply=true deletes):"));
    if (fn == null) {
      getLog()
          .warn(
              "No <function> (-Dlambda.function) is configured: no function's use of a layer"
                  + " version is checked, only the lockfile and <keep>.");
    }
    LayerPruning.Report report;
    try (AwsSession aws = ports.open(awsSettings())) {
      report =
          new LayerPruning(aws, getLog()::info)
              .prune(new LayerPruning.Request(pruneRegions, layerNames, lock, fn, keep, apply));
    } catch (AwsCallException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    Path json = outputDirectory.toPath().resolve("prune.json");
    LayerPruning.write(report, json);
    getLog()
        .info(
            apply
                ? String.format(
                    Locale.ROOT,
                    "Deleted %d layer version(s), %,d bytes freed; kept %d. Report: %s",
                    report.count(LayerPruning.Action.DELETED),
                    report.bytes(),
                    report.count(LayerPruning.Action.KEEP)
                        + report.count(LayerPruning.Action.KEPT_NOW_REFERENCED),
                    json)
                : String.format(
                    Locale.ROOT,
                    "Dry run: would delete %d layer version(s), %,d bytes; would keep %d. Nothing"
                        + " was deleted: add -Dlambda.prune.apply=true to delete. Report: %s",
                    report.count(LayerPruning.Action.WOULD_DELETE),
                    report.bytes(),
                    report.count(LayerPruning.Action.KEEP),
                    json));
  }

  /** The lockfile's layers, then the configured ones (or the single default layer). */
  private List<String> layerNames(Optional<Lockfile> lock) {
    Set<String> names = new LinkedHashSet<>();
    lock.ifPresent(l -> l.layers().forEach(layer -> names.add(layer.name())));
    if (layers.isEmpty()) {
      names.add(layerName != null ? layerName : defaultLayerName(project.getArtifactId()));
    } else {
      layers.stream()
          .map(LayerConfiguration::getName)
          .filter(n -> n != null && !n.isBlank())
          .forEach(n -> names.add(n.trim()));
    }
    return List.copyOf(names);
  }
}
