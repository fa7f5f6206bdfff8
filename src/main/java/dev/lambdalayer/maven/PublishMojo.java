package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.EnvironmentPublishJob;
import dev.lambdalayer.core.job.PublishJob;
import dev.lambdalayer.core.model.Environment;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.LambdaRuntime;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import dev.lambdalayer.core.port.AwsPorts;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Publishes each layer once per content and region, deploys the slim function, and records what was
 * published: the lockfile's {@code published} entries (after each layer), project properties {@code
 * lambda.layer.<name>.arn} and {@code lambda.layer.<name>.<region>.arn}, {@code
 * target/lambda/publish.json}, CloudFormation/SAM parameter files and a Terraform {@code
 * *.auto.tfvars.json}.
 *
 * <p>A layer whose content (SHA-256 of its reproducible zip) is already published in a region is
 * reused: the lockfile's version confirmed by {@code GetLayerVersion}, else a version whose
 * Description carries the hash. Publishing needs the network; {@code -Dlambda.dryRun} prints what
 * would happen and calls nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class PublishMojo extends AbstractDeployingMojo {

  /**
   * The S3 bucket for zips over Lambda's 50 MB direct-upload limit; {@code {region}} is replaced
   * with each region's name (a bucket must be in the region it serves). Keys are content-addressed
   * ({@code lambda-layers/<name>/<sha256>.zip}): an object already there is not uploaded again.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.s3Bucket")
  private String s3Bucket;

  /**
   * The layer versions' {@code LicenseInfo}: an SPDX id or a URL, up to 512 characters.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.licenseInfo")
  private String licenseInfo;

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

  /**
   * An alias of {@code <function>} to move to a newly published version once every region
   * succeeded. Unset, only {@code $LATEST} is updated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.alias")
  private String alias;

  /**
   * Lambda SnapStart for {@code <function>}: {@code true} sets {@code SnapStart.ApplyOn} to {@code
   * PublishedVersions}, publishes a version on every code or layer change, waits until SnapStart
   * has optimized it (its {@code State} goes from {@code Pending} to {@code Active}, within {@code
   * <updateTimeout>}) and only then moves {@code <alias>}, which it requires. Java 11 and later
   * only. {@code false} turns SnapStart off ({@code ApplyOn=None}) when it is on. Unset, the
   * function's SnapStart setting is left as it is (for example when a template manages it).
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.snapStart")
  private Boolean snapStart;

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
   * The Terraform variables file: {@code lambda_layer_arns}, a map of layer name to region to ARN.
   * Point it into your Terraform directory (it must end in {@code .auto.tfvars.json} to be read
   * automatically).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.terraformVarsFile",
      defaultValue = "${project.build.directory}/lambda/lambda-layers.auto.tfvars.json")
  private File terraformVarsFile;

  @Inject
  public PublishMojo(RuntimeGraphResolver resolver, AwsPorts ports) {
    super(resolver, ports);
  }

  @Override
  protected void doExecute()
      throws MojoExecutionException, MojoFailureException, IOException, InterruptedException {
    long start = System.nanoTime();
    // An unknown environment is refused before anything is built.
    Environment target = selectedEnvironment();
    if (session.isOffline() && !dryRun) {
      throw new MojoFailureException(
          JobMessages.offline(
              "lambda:publish", "", ", or add -Dlambda.dryRun to see what it would do"));
    }
    FileDigestCache digests =
        FileDigestCache.load(outputDirectory.toPath().resolve(".state/file-digests.txt"));
    PackagingRequest request = packagingRequest(digests, classesDirectory);
    PackagingResult built = PublishJob.build(digests, request, layerProject);
    // Publishing records the runtimes in AWS: the moment to hear that one is being retired.
    LambdaRuntime.deprecationWarnings(request.runtimes(), request.runtimeCheckDate())
        .forEach(getLog()::warn);
    PublishJob.ClassPathStep<MojoFailureException> check =
        input -> classPath().verify(input, outputDirectory.toPath(), getLog());
    PublishJob.Outcome outcome =
        target == null
            ? new PublishJob(ports, jobLog()).run(publishRequest(request, built), check)
            : new EnvironmentPublishJob(ports, jobLog())
                .run(target.name(), publishRequest(request, built), check);
    if (outcome.dryRun()) {
      getLog().info("Dry run (-Dlambda.dryRun): nothing is called, uploaded or written to AWS.");
      outcome.dryRunLines().forEach(getLog()::info);
      if (aws().functionName() == null) {
        getLog()
            .info(
                "No function is deployed: "
                    + SettingNames.of(Setting.FUNCTION)
                    + " is not set, so only the layers are published.");
      }
      return;
    }
    outcome.properties().forEach(project.getProperties()::setProperty);
    getLog()
        .info(
            JobMessages.published(
                outcome,
                (System.nanoTime() - start) / 1_000_000,
                lockfileName(),
                outputDirectory.toPath().resolve("publish.json")));
  }

  /** The environment's alias, else {@code <alias>}. */
  private String aliasOf(Environment target) {
    return target != null && target.alias() != null ? target.alias() : alias;
  }

  private PublishJob.Request publishRequest(PackagingRequest request, PackagingResult built) {
    AwsParameters aws = aws();
    return new PublishJob.Request(
        request,
        built,
        new PublishJob.Target(
            aws.functionName(),
            aliasOf(selectedEnvironment()),
            aws.configuredRegions(),
            aws.settings(),
            Duration.ofSeconds(updateTimeout),
            snapStart),
        new PublishJob.Upload(
            PomValues.blankToNull(s3Bucket),
            PomValues.blankToNull(licenseInfo),
            PomValues.trimmed(share, Setting.SHARE),
            sharePublicly),
        new PublishJob.Records(
            lockfile.toPath(),
            lockfileName(),
            outputDirectory.toPath(),
            terraformVarsFile.toPath()),
        dryRun,
        reactorLayerCache(),
        layerProject ? new PublishJob.LayerProject(layerProjectId(), layerDescriptorFile()) : null);
  }
}
