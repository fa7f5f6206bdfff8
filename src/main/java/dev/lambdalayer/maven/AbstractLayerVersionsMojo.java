package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.Environment;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.port.AwsPorts;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of a goal that works on the published versions of this project's layers without
 * packaging anything ({@code lambda:prune}): how to reach AWS, the function, the lockfile and the
 * layers' names. Packaging goals declare the same parameters (by name, property and default) in
 * {@link AbstractPackagingMojo} and {@link AbstractAwsMojo}. They are declared twice because Maven
 * injects only fields of a Mojo's own class chain: not of an interface, and a nested parameter
 * object would change the POM's shape ({@code <aws><region>} instead of {@code <region>}); and
 * prune must not inherit the packaging parameters it never reads. {@link AwsParameters} holds what
 * both do with the values, and {@code PluginDescriptorTest} keeps the declarations alike. {@code
 * mvn lambda:help -Ddetail -Dgoal=prune} lists only what prune reads.
 */
public abstract class AbstractLayerVersionsMojo extends AbstractLambdaMojo {

  /**
   * The lockfile: the versions it records in its {@code published} entries are kept, and its layers
   * are pruned.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.lockfile",
      defaultValue = "${project.basedir}/lambda-layers.lock.json",
      required = true)
  protected File lockfile;

  @Override
  protected void checkLocations() throws MojoFailureException {
    super.checkLocations();
    OutputLocations.checkLockfile(lockfile.toPath());
  }

  /**
   * The layers, as configured for {@code lambda:layer}: their versions are pruned, besides those of
   * the lockfile's layers. Only their {@code <name>}s are read.
   *
   * @since 0.1.0
   */
  @Parameter protected List<LayerConfiguration> layers = new ArrayList<>();

  /**
   * The name of the single layer made when no {@code <layers>} are configured. Defaults to the
   * artifactId, with characters Lambda does not allow replaced by '-'.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.layerName")
  protected String layerName;

  /**
   * The regions to prune in. Unset, {@code <region>} is used, else the AWS SDK's region chain
   * (AWS_REGION, the profile).
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.regions")
  protected List<String> regions = new ArrayList<>();

  /**
   * A single region; {@code <regions>} takes precedence.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.region")
  protected String region;

  /**
   * The AWS profile (of {@code ~/.aws/config}) for credentials and region. Unset, the SDK's default
   * chain decides (environment, {@code AWS_PROFILE}, web identity, instance roles).
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.profile")
  protected String profile;

  /**
   * An endpoint override for Lambda and S3 (LocalStack or another emulator), for example {@code
   * http://localhost:4566}. The SDK's own {@code AWS_ENDPOINT_URL} and {@code
   * AWS_ENDPOINT_URL_LAMBDA} also work when this is unset.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.endpoint")
  protected String endpoint;

  /**
   * A function (name or ARN) whose {@code $LATEST} and aliases are asked, in every region, which
   * layer versions they use: those are kept.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.function")
  protected String function;

  /**
   * The SDK's retry mode: {@code standard} or {@code adaptive} (client-side rate limiting).
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.retryMode", defaultValue = "standard")
  protected String retryMode;

  /**
   * Attempts per AWS call, the first included; throttling, 5xx and dropped connections are retried
   * with backoff.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.maxAttempts", defaultValue = "5")
  protected int maxAttempts;

  /**
   * Let region names through that the plugin's AWS SDK does not know. By default {@code <regions>}
   * are checked against the SDK's list before any call, so a typo ({@code eu-nowhere-9}) fails at
   * once instead of after every retry; set this for a region newer than the SDK.
   *
   * @since 0.2.0
   */
  @Parameter(property = "lambda.allowUnknownRegion", defaultValue = "false")
  protected boolean allowUnknownRegion;

  /**
   * Named deployment targets, each with its own {@code <name>}, {@code <profile>}, {@code
   * <roleArn>} (an IAM role assumed through STS, for another account), {@code <regions>}, {@code
   * <function>}, {@code <alias>} and {@code <endpoint>}. With {@code -Dlambda.environment=<name>},
   * {@code lambda:publish}, {@code lambda:prune} and {@code lambda:audit} use that environment's
   * settings in place of the flat ones (an unset one falls back to the flat setting), and {@code
   * lambda:publish} records in the lockfile what the environment runs; {@code lambda:promote}
   * deploys what one environment runs to another.
   *
   * @since 0.4.0
   */
  @Parameter protected List<EnvironmentConfiguration> environments = new ArrayList<>();

  /**
   * The name of one of {@code <environments>} to work on. Unset, the flat settings ({@code
   * <regions>}, {@code <profile>}, {@code <function>}, ...) are used as before.
   *
   * @since 0.4.0
   */
  @Parameter(property = "lambda.environment")
  protected String environment;

  /** The way to AWS: the SDK in a build, an in-memory AWS in a test. */
  protected final AwsPorts ports;

  protected AbstractLayerVersionsMojo(AwsPorts ports) {
    this.ports = ports;
  }

  /** The AWS parameters, read. */
  protected AwsParameters aws() {
    return new AwsParameters(
            regions,
            region,
            profile,
            endpoint,
            function,
            retryMode,
            maxAttempts,
            allowUnknownRegion)
        .in(selectedEnvironment());
  }

  /** The environment {@code -Dlambda.environment} names; null when none is named. */
  protected Environment selectedEnvironment() {
    return EnvironmentConfiguration.select(environments, environment, Setting.ENVIRONMENT);
  }

  /** The configured layers' names, or the single default layer's. */
  protected List<String> configuredLayerNames() {
    return LayerRules.names(layers, layerName, project.getArtifactId());
  }

  /** The lockfile as the user knows it: relative to the project when inside it. */
  protected String lockfileName() {
    return relativeToProject(lockfile);
  }
}
