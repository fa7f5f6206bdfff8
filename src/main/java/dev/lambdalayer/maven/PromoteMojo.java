package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.PromoteJob;
import dev.lambdalayer.core.model.Environment;
import dev.lambdalayer.core.model.Environments;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.promote.FunctionPromotion;
import dev.lambdalayer.core.promote.PromoteRefusedException;
import dev.lambdalayer.core.publish.PublishedLayer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deploys to one environment exactly what another runs: {@code mvn lambda:promote
 * -Dlambda.from=staging -Dlambda.to=prod}. The source's record in the lockfile (written by {@code
 * lambda:publish -Dlambda.environment=staging}) is checked against AWS first: the alias's version,
 * the function's code and layer list, every layer version's {@code CodeSha256}; any difference
 * refuses the promotion. Each layer zip and the function zip are then taken by content from {@code
 * target/lambda} or downloaded from the source and checked against their {@code CodeSha256}, never
 * rebuilt; each layer is published once per content and region in the target, the function gets the
 * same code and the same layer list (the target's versions, in the same order; a layer the project
 * does not own, such as a shared layer project's or an extension, keeps its very ARN and must be in
 * the target's region), a version is published and the target's alias moved to it. The lockfile
 * then records the target environment. For a layer project (no function) only the layers are
 * promoted. {@code -Dlambda.dryRun} prints every call it would make and calls nothing.
 *
 * @since 0.4.0
 */
@Mojo(name = "promote", threadSafe = true)
public class PromoteMojo extends AbstractLayerVersionsMojo {

  /**
   * The environment to promote from, one of {@code <environments>}: what it runs, as the lockfile
   * records and AWS confirms, is deployed to {@code <to>}.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.from")
  private String from;

  /**
   * The environment to promote to, one of {@code <environments>}: its regions, function, alias and
   * credentials receive what {@code <from>} runs.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.to")
  private String to;

  /**
   * Prints what would be uploaded, published and updated, and calls nothing.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.dryRun", defaultValue = "false")
  private boolean dryRun;

  /**
   * Seconds to wait for a function update to leave {@code InProgress}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.updateTimeout", defaultValue = "300")
  private int updateTimeout;

  /**
   * Who may use the layer versions: 12-digit account ids, organization ids ({@code o-...}), or
   * {@code *} for everyone (only together with {@code <sharePublicly>true</sharePublicly>}). The
   * grants on every version this goal publishes or reuses are made equal to this list: missing ones
   * are added, and any other grant is removed with a warning naming it, so removing an account here
   * revokes its access to those versions. Unset, the versions are shared with no one.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.share")
  private List<String> share = new ArrayList<>();

  /**
   * Allows {@code <share>*</share>}, which lets every AWS account use the layer versions. Without
   * it, {@code *} is refused before anything is published, so a layer never becomes public by
   * accident.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.sharePublicly", defaultValue = "false")
  private boolean sharePublicly;

  @Inject
  public PromoteMojo(AwsPorts ports) {
    super(ports);
  }

  @Override
  protected void doExecute() throws MojoExecutionException, MojoFailureException, IOException {
    if (session.isOffline() && !dryRun) {
      throw new MojoFailureException(
          JobMessages.offline(
              "lambda:promote", "", ", or add -Dlambda.dryRun to see what it would do"));
    }
    Environments declared = Environments.of(EnvironmentConfiguration.toEnvironments(environments));
    Environment source =
        declared.select(required(from, Setting.PROMOTE_FROM, "staging"), Setting.PROMOTE_FROM);
    Environment target =
        declared.select(required(to, Setting.PROMOTE_TO, "prod"), Setting.PROMOTE_TO);
    AwsParameters flat =
        new AwsParameters(
            regions,
            region,
            profile,
            endpoint,
            function,
            retryMode,
            maxAttempts,
            allowUnknownRegion);
    AwsParameters sourceAws = flat.in(source);
    AwsParameters targetAws = flat.in(target);
    PromoteJob.Request request =
        new PromoteJob.Request(
            new PromoteJob.Side(
                source.name(),
                sourceAws.settings(),
                sourceAws.configuredRegions(),
                sourceAws.functionName(),
                source.alias()),
            new PromoteJob.Side(
                target.name(),
                targetAws.settings(),
                targetAws.configuredRegions(),
                targetAws.functionName(),
                target.alias()),
            lockfile.toPath(),
            lockfileName(),
            // Zips downloaded by an earlier promotion are kept by content and found again.
            List.of(outputDirectory.toPath(), outputDirectory.toPath().resolve("promoted")),
            outputDirectory.toPath().resolve("promoted"),
            dryRun,
            Duration.ofSeconds(updateTimeout),
            PomValues.trimmed(share, Setting.SHARE),
            sharePublicly);
    PromoteJob.Outcome outcome;
    try {
      getLog().info("Promoting environment '" + source.name() + "' to '" + target.name() + "':");
      outcome = new PromoteJob(ports, jobLog()).run(request);
    } catch (PromoteRefusedException e) {
      throw new MojoFailureException(refused(e, source.name(), target.name()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("lambda:promote was interrupted", e);
    }
    if (outcome.dryRun()) {
      getLog().info("Dry run (-Dlambda.dryRun): nothing is called, downloaded or written to AWS.");
      outcome.dryRunLines().forEach(line -> getLog().info("  " + line));
      return;
    }
    long published =
        outcome.layers().stream()
            .filter(l -> l.outcome() == PublishedLayer.Outcome.PUBLISHED)
            .count();
    String functions =
        outcome.functions().isEmpty()
            ? "no function (layers only)"
            : outcome.functions().stream()
                .map(PromoteMojo::describe)
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    getLog()
        .info(
            String.format(
                "Promoted '%s' to '%s' in %s: %d layer version(s), %d newly published; %s;"
                    + " %d zip(s) downloaded and verified, nothing rebuilt. Recorded in %s.",
                source.name(),
                target.name(),
                outcome.regions(),
                outcome.layers().size(),
                published,
                functions,
                outcome.downloaded(),
                lockfileName()));
  }

  private static String describe(FunctionPromotion.Result f) {
    return "function '"
        + f.function()
        + "' "
        + f.region()
        + (f.alias() == null
            ? " $LATEST"
            : " version " + f.version() + ", alias '" + f.alias() + "'");
  }

  private static String required(String value, Setting setting, String example) {
    if (PomValues.blankToNull(value) == null) {
      throw new InvalidConfigurationException(
          new Violation(
              setting,
              "",
              "is not set",
              "name one of the environments, e.g. " + example,
              Setting.ENVIRONMENTS));
    }
    return value.trim();
  }

  static String refused(PromoteRefusedException e, String source, String target) {
    StringBuilder out =
        new StringBuilder(
            e.reason() == PromoteRefusedException.Reason.TARGET_LAYER_NOT_VERIFIED
                ? "lambda:promote refused; the target's function was not changed (layer versions"
                    + " may have been published in the target):"
                : "lambda:promote refused; nothing was deployed:");
    e.problems().forEach(p -> out.append("\n  - ").append(p));
    out.append("\n");
    out.append(
        switch (e.reason()) {
          case NO_RECORD ->
              "Publish to the source environment first (mvn package lambda:publish"
                  + " -Dlambda.environment="
                  + source
                  + "), test it, commit the lockfile, then promote.";
          case RECORD_DISAGREES ->
              "The environment no longer runs what the lockfile records (a deploy by another"
                  + " tool, a moved alias, or an older lockfile). Publish to it again (mvn package"
                  + " lambda:publish -Dlambda.environment="
                  + source
                  + "), test it, then promote.";
          case HASH_MISMATCH -> "Run the promotion again; nothing unverified was deployed.";
          case NO_TARGET_FUNCTION ->
              "Set <function> in the target environment of <environments> (or <function>,"
                  + " -Dlambda.function).";
          case SAME_ENVIRONMENT -> "-Dlambda.from and -Dlambda.to must name two environments.";
          case TOO_LARGE ->
              "Promotion uploads zips directly (at most 50 MB each); publish this one to the"
                  + " target with lambda:publish -Dlambda.environment and <s3Bucket>.";
          case FOREIGN_LAYER_OTHER_REGION ->
              "Publish the shared layer project to the target's region(s), then publish this"
                  + " function to the target with lambda:publish -Dlambda.environment="
                  + target
                  + " instead of promoting it.";
          case TARGET_LAYER_NOT_VERIFIED ->
              "The target's function was not changed. Delete the named layer version in the"
                  + " target (it does not hold what its description says), then promote again.";
        });
    return out.toString();
  }
}
