package dev.lambdalayer.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsCallExceptionTest {

  /** The AWS SDK for Java v2's message when no provider of the default chain has credentials. */
  private static final String SDK_MESSAGE =
      "Unable to load credentials from any of the providers in the chain"
          + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
          + " EnvironmentVariableCredentialsProvider(), WebIdentityTokenCredentialsProvider(),"
          + " ProfileCredentialsProvider(profileName=default,"
          + " profileFile=ProfileFile(sections=[])), ContainerCredentialsProvider(),"
          + " InstanceProfileCredentialsProvider()]) : [SystemPropertyCredentialsProvider():"
          + " Unable to load credentials from system settings. Access key must be specified either"
          + " via environment variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).,"
          + " EnvironmentVariableCredentialsProvider(): Unable to load credentials from system"
          + " settings. Access key must be specified either via environment variable"
          + " (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).,"
          + " WebIdentityTokenCredentialsProvider(): Either the environment variable"
          + " AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile must be"
          + " set., ProfileCredentialsProvider(profileName=default,"
          + " profileFile=ProfileFile(sections=[])): Profile file contained no credentials for"
          + " profile 'default': ProfileFile(sections=[]), ContainerCredentialsProvider(): Cannot"
          + " fetch credentials from container - neither AWS_CONTAINER_CREDENTIALS_FULL_URI or"
          + " AWS_CONTAINER_CREDENTIALS_RELATIVE_URI environment variables are set.,"
          + " InstanceProfileCredentialsProvider(): Failed to load credentials from IMDS.]";

  /**
   * Issue 13 item 15: the missing-credentials error was a 1,500-character line with the plugin's
   * advice last, cut off by CI logs. The advice now comes first, the SDK's text last and short.
   */
  @Test
  void missingCredentialsPutTheAdviceFirstAndKeepTheSdkTextShort() {
    String message =
        new AwsCallException(
                "ListLayerVersions",
                "layer 'libs'",
                "eu-west-1",
                SDK_MESSAGE,
                AwsCallException.Kind.CREDENTIALS,
                null)
            .getMessage();

    assertThat(message)
        .startsWith(
            "ListLayerVersions for layer 'libs' in eu-west-1 failed: no usable AWS credentials")
        .contains("AWS_ACCESS_KEY_ID", "aws sso login")
        .endsWith(
            "The AWS SDK said: Unable to load credentials from any of the providers in the default"
                + " chain");
    assertThat(message.indexOf("Provide AWS credentials"))
        .isLessThan(message.indexOf("The AWS SDK said"));
    assertThat(message.length()).isLessThan(700);
  }

  @Test
  void otherFailuresKeepAwsMessageFirst() {
    assertThat(
            new AwsCallException(
                    "GetLayerVersion",
                    "layer 'libs' version 3",
                    "eu-west-1",
                    "Rate exceeded (TooManyRequestsException, HTTP 429)",
                    AwsCallException.Kind.OTHER,
                    null)
                .getMessage())
        .isEqualTo(
            "GetLayerVersion for layer 'libs' version 3 in eu-west-1 failed: Rate exceeded"
                + " (TooManyRequestsException, HTTP 429)");
  }
}
