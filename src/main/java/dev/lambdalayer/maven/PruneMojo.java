package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.PruneJob;
import dev.lambdalayer.core.model.Plural;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.prune.LayerPruning;
import java.io.IOException;
import java.util.Locale;
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
public class PruneMojo extends AbstractLayerVersionsMojo {

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
  public PruneMojo(AwsPorts ports) {
    super(ports);
  }

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    if (session.isOffline()) {
      throw new MojoFailureException(
          JobMessages.offline("lambda:prune", " (a dry run lists the layer versions too)", ""));
    }
    AwsParameters aws = aws();
    if (aws.functionName() == null) {
      getLog()
          .warn(
              "No "
                  + SettingNames.of(Setting.FUNCTION)
                  + " is configured: no function's use of a layer version is checked, only the"
                  + " lockfile and "
                  + SettingNames.of(Setting.PRUNE_KEEP)
                  + ".");
    }
    PruneJob.Request request =
        new PruneJob.Request(
            aws.configuredRegions(),
            aws.settings(),
            lockfile.toPath(),
            lockfileName(),
            configuredLayerNames(),
            aws.functionName(),
            keep,
            apply,
            outputDirectory.toPath().resolve("prune.json"));
    PruneJob.Outcome outcome = new PruneJob(ports, jobLog()).run(request);
    LayerPruning.Report report = outcome.report();
    getLog()
        .info(
            apply
                ? String.format(
                    Locale.ROOT,
                    "Deleted %s, %,d bytes freed; kept %d. Report: %s",
                    Plural.of(
                        report.count(LayerPruning.Action.DELETED),
                        "layer version",
                        "layer versions"),
                    report.bytes(),
                    report.count(LayerPruning.Action.KEEP)
                        + report.count(LayerPruning.Action.KEPT_NOW_REFERENCED),
                    outcome.reportFile())
                : String.format(
                    Locale.ROOT,
                    "Dry run: would delete %s, %,d bytes; would keep %d. Nothing"
                        + " was deleted: add -Dlambda.prune.apply=true to delete. Report: %s",
                    Plural.of(
                        report.count(LayerPruning.Action.WOULD_DELETE),
                        "layer version",
                        "layer versions"),
                    report.bytes(),
                    report.count(LayerPruning.Action.KEEP),
                    outcome.reportFile()));
  }
}
