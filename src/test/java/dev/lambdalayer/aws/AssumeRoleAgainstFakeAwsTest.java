package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.port.AwsSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An environment's {@code <roleArn>}: the SDK's STS client assumes the role with the build's
 * credentials, and every Lambda call is then signed with the role's temporary credentials.
 */
class AssumeRoleAgainstFakeAwsTest {

  private static final String ROLE = "arn:aws:iam::210987654321:role/lambda-deployer";

  private FakeAwsServer server;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", SdkAgainstFakeAwsTest.SECRET);
    server = FakeAwsServer.start();
    server.createFunction("eu-west-1", "hello");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AwsSettings settings(String roleArn) {
    return new AwsSettings(
        null,
        server.endpoint(),
        "standard",
        2,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        false,
        roleArn);
  }

  @Test
  void withARoleTheLambdaCallsUseTheAssumedCredentials() {
    try (SdkAwsSession aws = new SdkAwsSession(new AwsClients(settings(ROLE)))) {
      aws.functions().getFunction("eu-west-1", "hello");
      aws.layerVersions().listLayerVersions("eu-west-1", "jackson");
    }

    assertThat(server.assumedRoles()).containsExactly(ROLE);
    assertThat(server.requestLog()).first().asString().endsWith("AssumeRole 200");
    // The STS call is signed with the build's own key, everything after with the role's.
    assertThat(server.accessKeyIds())
        .containsExactly(
            "AKIAFAKEFAKEFAKEFAKE",
            FakeAwsServer.assumedAccessKeyId(ROLE),
            FakeAwsServer.assumedAccessKeyId(ROLE));
  }

  @Test
  void stsIsCalledInTheEnvironmentsRegion() {
    AwsSettings base = settings(ROLE);
    AwsSettings inChina =
        new AwsSettings(
            base.profile(),
            base.endpoint(),
            base.retryMode(),
            base.maxAttempts(),
            base.apiCallTimeout(),
            base.attemptTimeout(),
            base.allowUnknownRegion(),
            ROLE,
            "cn-north-1");
    try (SdkAwsSession aws = new SdkAwsSession(new AwsClients(inChina))) {
      aws.functions().getFunction("eu-west-1", "hello");
    }

    assertThat(server.requestLog()).first().isEqualTo("cn-north-1 AssumeRole 200");
  }

  @Test
  void withoutARoleNothingIsAssumed() {
    try (SdkAwsSession aws = new SdkAwsSession(new AwsClients(settings(null)))) {
      aws.functions().getFunction("eu-west-1", "hello");
    }

    assertThat(server.assumedRoles()).isEmpty();
    assertThat(server.accessKeyIds()).containsExactly("AKIAFAKEFAKEFAKEFAKE");
  }
}
