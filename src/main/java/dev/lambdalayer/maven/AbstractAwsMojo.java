package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.Environment;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.port.AwsPorts;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that say how to reach AWS and which function to look at, for the goals that
 * package and call AWS ({@code publish}, and {@code audit} with {@code -Dlambda.audit.remote}), so
 * both read the same {@code <regions>}, {@code <profile>}, {@code <endpoint>} and {@code
 * <function>}. {@code lambda:prune}, which packages nothing, declares the same parameters in {@link
 * AbstractLayerVersionsMojo}: Maven injects only fields of a Mojo's own class chain (not of an
 * interface, and a nested object would make users write {@code <aws><region>}), and prune must not
 * list the packaging parameters. {@link AwsParameters} holds what both do with the values; {@code
 * PluginDescriptorTest} keeps the two declarations alike.
 */
public abstract class AbstractAwsMojo extends AbstractPackagingMojo {

  /**
   * The regions to publish to, concurrently. The first names {@code lambda.layer.<name>.arn}.
   * Unset, {@code <region>} is used, else the AWS SDK's region chain (AWS_REGION, the profile).
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
   * http://localhost:4566}. The SDK's own {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_LAMBDA}
   * and {@code AWS_ENDPOINT_URL_S3} also work when this is unset.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.endpoint")
  protected String endpoint;

  /**
   * A function (name or ARN) to deploy in every region: its code becomes the slim function zip and
   * its layer list gets the published versions, keeping layers this plugin does not manage in
   * place. {@code lambda:audit} with {@code -Dlambda.audit.remote} compares its layer list and code
   * with the lockfile in every region.
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

  protected AbstractAwsMojo(RuntimeGraphResolver resolver, AwsPorts ports) {
    super(resolver);
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
}
