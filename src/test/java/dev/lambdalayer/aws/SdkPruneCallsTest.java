package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.port.FunctionReader.LayerUse;
import dev.lambdalayer.core.port.LayerVersionInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calls {@code lambda:prune} makes ({@link SdkLayerVersionReader}, {@link SdkFunctionReader},
 * {@link SdkLayerPublisher#deleteLayerVersion}): the real SDK client against the fake Lambda
 * server.
 */
class SdkPruneCallsTest {

  static FakeAwsServer server;
  static AwsClients clients;
  static SdkAwsSession aws;

  @BeforeAll
  static void start() throws IOException {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", "fakeSecretKeyThatMustNeverBeLogged0123456");
    server = FakeAwsServer.start();
    clients =
        new AwsClients(
            new AwsSettings(
                null,
                server.endpoint(),
                "standard",
                2,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                false));
    aws = new SdkAwsSession(clients);
  }

  @AfterAll
  static void stop() {
    clients.close();
    server.close();
  }

  private static String arn(String layer, int version) {
    return "arn:aws:lambda:eu-west-1:123456789012:layer:" + layer + ":" + version;
  }

  @Test
  void listsEveryPageGetsSizesAndDeletes() {
    for (int i = 1; i <= 5; i++) {
      server.createLayerVersion("eu-west-1", "inv", new byte[100 * i]);
    }
    List<LayerVersionInfo> versions = aws.layerVersions().listLayerVersions("eu-west-1", "inv");
    assertThat(versions).extracting(LayerVersionInfo::version).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(aws.layerVersions().getLayerVersion("eu-west-1", "inv", 3).orElseThrow().codeSize())
        .isEqualTo(300);

    aws.layerPublisher().deleteLayerVersion("eu-west-1", "inv", 3);
    assertThat(server.layerVersionNumbers("eu-west-1", "inv")).containsExactly(1L, 2L, 4L, 5L);
    assertThat(aws.layerVersions().getLayerVersion("eu-west-1", "inv", 3)).isEmpty();
    aws.layerPublisher().deleteLayerVersion("eu-west-1", "inv", 3); // gone already: no error
    assertThat(server.callsByOperation()).containsKey("DeleteLayerVersion");
  }

  @Test
  void functionReferencesCoverLatestAliasesAndRouting() {
    for (int i = 1; i <= 4; i++) {
      server.createLayerVersion("eu-west-1", "refs", new byte[10]);
    }
    server.createFunction("eu-west-1", "fn");
    server.setFunctionLayers("eu-west-1", "fn", List.of(arn("refs", 1)));
    String v1 = server.publishFunctionVersion("eu-west-1", "fn");
    server.setFunctionLayers("eu-west-1", "fn", List.of(arn("refs", 2)));
    String v2 = server.publishFunctionVersion("eu-west-1", "fn");
    server.setFunctionLayers("eu-west-1", "fn", List.of(arn("refs", 3)));
    server.pointAlias("eu-west-1", "fn", "live", v2, v1, 0.1);
    server.pointAlias("eu-west-1", "fn", "a", v2, null, 0);
    server.pointAlias("eu-west-1", "fn", "b", v2, null, 0); // three aliases: ListAliases pages

    List<LayerUse> uses = aws.functions().functionReferences("eu-west-1", "fn");

    assertThat(uses)
        .contains(
            new LayerUse(arn("refs", 3), "function 'fn' $LATEST"),
            new LayerUse(arn("refs", 2), "aliases 'a', 'b', 'live' of function 'fn' (version 2)"),
            new LayerUse(arn("refs", 1), "alias 'live' of function 'fn' (version 1)"));
    assertThat(uses).extracting(LayerUse::layerVersionArn).doesNotContain(arn("refs", 4));
  }

  @Test
  void unknownFunctionNamesOperationFunctionAndRegion() {
    assertThatThrownBy(() -> aws.functions().functionReferences("eu-west-1", "nope"))
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("GetFunctionConfiguration for function 'nope' in eu-west-1 failed")
        .hasMessageContaining("Function not found");
  }
}
