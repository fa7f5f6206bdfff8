package dev.lambdalayer.core.port;

import java.time.Duration;

/**
 * How to reach AWS: profile, endpoint override, retries and timeouts. A plain value, so the core
 * can hand it to an {@link AwsPorts} without knowing the SDK.
 *
 * @param profile a profile of {@code ~/.aws/config}; null for the SDK's default chain
 * @param endpoint an endpoint override (LocalStack and the like) for Lambda and S3; null for AWS
 * @param retryMode {@code standard} or {@code adaptive}
 * @param maxAttempts attempts per call, including the first
 * @param apiCallTimeout the whole call, retries included
 * @param attemptTimeout one attempt
 * @param allowUnknownRegion let region names through that the SDK does not know (a region newer
 *     than the SDK); otherwise they are refused before any call
 * @param roleArn an IAM role to assume (STS {@code AssumeRole}) with the profile's or chain's
 *     credentials, for an environment in another account; null for none
 * @param roleRegion the region STS is called in to assume {@code roleArn}: the environment's first
 *     configured region, so the partition is right (aws-cn, aws-us-gov); null for the profile's
 *     region, else us-east-1
 */
public record AwsSettings(
    String profile,
    String endpoint,
    String retryMode,
    int maxAttempts,
    Duration apiCallTimeout,
    Duration attemptTimeout,
    boolean allowUnknownRegion,
    String roleArn,
    String roleRegion) {

  /** Settings that call STS, if at all, in the profile's region. */
  public AwsSettings(
      String profile,
      String endpoint,
      String retryMode,
      int maxAttempts,
      Duration apiCallTimeout,
      Duration attemptTimeout,
      boolean allowUnknownRegion,
      String roleArn) {
    this(
        profile,
        endpoint,
        retryMode,
        maxAttempts,
        apiCallTimeout,
        attemptTimeout,
        allowUnknownRegion,
        roleArn,
        null);
  }

  /** Settings that assume no role. */
  public AwsSettings(
      String profile,
      String endpoint,
      String retryMode,
      int maxAttempts,
      Duration apiCallTimeout,
      Duration attemptTimeout,
      boolean allowUnknownRegion) {
    this(
        profile,
        endpoint,
        retryMode,
        maxAttempts,
        apiCallTimeout,
        attemptTimeout,
        allowUnknownRegion,
        null);
  }

  public static AwsSettings defaults() {
    return new AwsSettings(
        null, null, "standard", 5, Duration.ofMinutes(15), Duration.ofMinutes(5), false);
  }

  /** These settings, letting unknown region names through or not. */
  public AwsSettings withUnknownRegionsAllowed(boolean allowed) {
    return new AwsSettings(
        profile,
        endpoint,
        retryMode,
        maxAttempts,
        apiCallTimeout,
        attemptTimeout,
        allowed,
        roleArn,
        roleRegion);
  }
}
