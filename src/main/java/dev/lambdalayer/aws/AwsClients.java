package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The one place SDK clients are made: per region a Lambda and an S3 client sharing one small HTTP
 * client (the JDK's {@code HttpURLConnection}), the default credentials chain (optionally with a
 * profile), an optional endpoint override, the retry mode and the timeouts. The SDK's own {@code
 * AWS_ENDPOINT_URL*} variables and system properties keep working when no override is given.
 */
final class AwsClients implements AutoCloseable {

  private final AwsSettings settings;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private StsClient sts;
  private final Map<String, LambdaClient> lambdas = new ConcurrentHashMap<>();
  private final Map<String, S3Client> s3s = new ConcurrentHashMap<>();

  AwsClients(AwsSettings settings) {
    SigningLogSilencer.install();
    this.settings = settings;
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofMinutes(2))
            .build();
    DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
    if (settings.profile() != null) {
      chain.profileName(settings.profile());
    }
    AwsCredentialsProvider base = chain.build();
    this.credentials = settings.roleArn() == null ? base : assumeRole(settings, base);
  }

  /**
   * Credentials of {@code settings.roleArn()}, assumed with {@code base} and refreshed by the SDK
   * before they expire: an environment in another account, reached from the build's credentials.
   */
  private AwsCredentialsProvider assumeRole(AwsSettings settings, AwsCredentialsProvider base) {
    String region =
        settings.roleRegion() != null
            ? settings.roleRegion()
            : defaultRegion(settings.profile()).orElse("us-east-1");
    var builder =
        StsClient.builder()
            .region(Region.of(region))
            .credentialsProvider(base)
            .httpClient(http)
            .overrideConfiguration(overrides());
    if (settings.endpoint() != null) {
      builder.endpointOverride(URI.create(settings.endpoint()));
    }
    // Closed with the session: the credentials provider does not close a client it was given.
    this.sts = builder.build();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(
            b -> b.roleArn(settings.roleArn()).roleSessionName("lambda-layer-maven-plugin"))
        .build();
  }

  /** The HTTP client the SDK clients share, for downloads from presigned code locations. */
  SdkHttpClient http() {
    return http;
  }

  /** The region of the SDK's chain (AWS_REGION, the profile, instance metadata), if any. */
  static Optional<String> defaultRegion(String profile) {
    SigningLogSilencer.install();
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (profile != null) {
        chain.profileName(profile);
      }
      return Optional.ofNullable(chain.build().getRegion()).map(Region::id);
    } catch (SdkClientException e) {
      return Optional.empty();
    }
  }

  LambdaClient lambda(String region) {
    return lambdas.computeIfAbsent(
        region,
        r -> {
          var builder =
              LambdaClient.builder()
                  .region(Region.of(r))
                  .credentialsProvider(credentials)
                  .httpClient(http)
                  .overrideConfiguration(overrides());
          if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
          }
          return builder.build();
        });
  }

  S3Client s3(String region) {
    return s3s.computeIfAbsent(
        region,
        r -> {
          var builder =
              S3Client.builder()
                  .region(Region.of(r))
                  .credentialsProvider(credentials)
                  .httpClient(http)
                  .overrideConfiguration(overrides());
          if (settings.endpoint() != null) {
            // Emulators serve buckets under the path, not as virtual hosts of the endpoint.
            builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
          }
          return builder.build();
        });
  }

  private ClientOverrideConfiguration overrides() {
    RetryMode mode =
        settings.retryMode().toLowerCase(Locale.ROOT).equals("adaptive")
            ? RetryMode.ADAPTIVE_V2
            : RetryMode.STANDARD;
    return ClientOverrideConfiguration.builder()
        .retryStrategy(
            AwsRetryStrategy.forRetryMode(mode).toBuilder()
                .maxAttempts(settings.maxAttempts())
                .build())
        .apiCallTimeout(settings.apiCallTimeout())
        .apiCallAttemptTimeout(settings.attemptTimeout())
        .build();
  }

  @Override
  public void close() {
    lambdas.values().forEach(LambdaClient::close);
    s3s.values().forEach(S3Client::close);
    http.close();
    if (credentials instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // nothing held that matters
      }
    }
    if (sts != null) {
      sts.close();
    }
  }
}
