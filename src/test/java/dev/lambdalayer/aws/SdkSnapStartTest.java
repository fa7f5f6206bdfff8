package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.publish.DeployedFunction;
import dev.lambdalayer.core.publish.FunctionDeployment;
import dev.lambdalayer.core.publish.FunctionToDeploy;
import dev.lambdalayer.core.publish.PublishSettings;
import dev.lambdalayer.core.publish.PublishedLayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SnapStart through the real SDK on a socket: the setting, the wait for Active, the alias. */
class SdkSnapStartTest {

  static final String REGION = "eu-west-1";

  @TempDir Path dir;
  FakeAwsServer server;
  AwsClients clients;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", "fakeSecretKeyForSnapStartTest000000");
    server = FakeAwsServer.start();
    clients =
        new AwsClients(
            new AwsSettings(
                null,
                server.endpoint(),
                "standard",
                4,
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                false));
    server.createFunction(REGION, "hello");
  }

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  Path zip(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name + ".txt"));
      zip.write(name.getBytes());
      zip.closeEntry();
    }
    Path file = dir.resolve(name + ".zip");
    Files.write(file, out.toByteArray());
    return file;
  }

  FunctionToDeploy function(Path zip, Boolean snapStart) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    return new FunctionToDeploy(
        "hello", zip, Hashes.sha256Hex(bytes), bytes.length, 100, "live", Set.of(), snapStart);
  }

  PublishedLayer layer(String arn) {
    return new PublishedLayer(
        "deps",
        REGION,
        FakeAwsServer.ACCOUNT,
        arn,
        1,
        "a".repeat(64),
        "A=",
        PublishedLayer.Outcome.PUBLISHED,
        0);
  }

  List<DeployedFunction> deploy(FunctionToDeploy fn, String layerArn) throws Exception {
    return new FunctionDeployment(
            new SdkAwsSession(clients),
            new PublishSettings(List.of(REGION), null, null, List.of()),
            new FunctionDeployment.Timing(Duration.ofSeconds(20), Duration.ofMillis(20)),
            log::add)
        .deploy(fn, Map.of(REGION, List.of(layer(layerArn))), arn -> Set.of(), Set.of());
  }

  @Test
  void aLayerOnlyChangePublishesAVersionAndTheAliasMovesOnlyOnceItIsActive() throws Exception {
    server.setSnapStartPolls(3);
    String v1 = server.createLayerVersion(REGION, "deps", Files.readAllBytes(zip("deps-1")));
    FunctionToDeploy fn = function(zip("fn"), true);
    assertThat(deploy(fn, v1).get(0).version()).isEqualTo("1");
    assertThat(server.snapStartApplyOn(REGION, "hello")).isEqualTo("PublishedVersions");
    assertThat(server.aliasVersion(REGION, "hello", "live")).isEqualTo("1");

    // Only the layer changes: the code is the same zip.
    String v2 = server.createLayerVersion(REGION, "deps", Files.readAllBytes(zip("deps-2")));
    server.resetCounters();
    List<DeployedFunction> done = deploy(fn, v2);

    assertThat(done.get(0).version()).isEqualTo("2");
    assertThat(server.functionVersionCount(REGION, "hello")).isEqualTo(2);
    assertThat(server.aliasVersion(REGION, "hello", "live")).isEqualTo("2");
    assertThat(server.functionVersionState(REGION, "hello", "2")).isEqualTo("Active");
    assertThat(server.aliasMovesToPendingVersions()).isZero();
    assertThat(server.callsByOperation())
        .doesNotContainKey("UpdateFunctionCode")
        .containsEntry("PublishVersion", 1L);
    // The SDK's waiter polled the version through its three Pending reads.
    assertThat(server.requestLog().stream().filter(l -> l.contains("GetFunctionConfiguration")))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(log).anyMatch(l -> l.contains("version 2 is Active (SnapStart), alias 'live'"));
  }

  @Test
  void turningItOffSetsNoneOnlyWhenItWasOn() throws Exception {
    String v1 = server.createLayerVersion(REGION, "deps", Files.readAllBytes(zip("deps-1")));
    Path code = zip("fn");
    deploy(function(code, null), v1);
    assertThat(server.snapStartApplyOn(REGION, "hello")).isEqualTo("None");
    deploy(function(code, true), v1);
    assertThat(server.snapStartApplyOn(REGION, "hello")).isEqualTo("PublishedVersions");
    deploy(function(code, null), v1);
    assertThat(server.snapStartApplyOn(REGION, "hello")).isEqualTo("PublishedVersions");
    deploy(function(code, false), v1);
    assertThat(server.snapStartApplyOn(REGION, "hello")).isEqualTo("None");
    assertThat(log).anyMatch(l -> l.contains("SnapStart turned off (ApplyOn None)"));
  }

  @Test
  void aVersionStillPendingAfterTheTimeoutSaysSo() throws Exception {
    server.setSnapStartPolls(1_000);
    String v1 = server.createLayerVersion(REGION, "deps", Files.readAllBytes(zip("deps-1")));
    FunctionDeployment deployment =
        new FunctionDeployment(
            new SdkAwsSession(clients),
            new PublishSettings(List.of(REGION), null, null, List.of()),
            new FunctionDeployment.Timing(Duration.ofSeconds(1), Duration.ofMillis(50)),
            log::add);
    assertThatThrownBy(
            () ->
                deployment.deploy(
                    function(zip("fn"), true),
                    Map.of(REGION, List.of(layer(v1))),
                    arn -> Set.of(),
                    Set.of()))
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("still Pending (SnapStart optimization) after 1 s");
    assertThat(server.aliasVersion(REGION, "hello", "live")).isNull();
  }

  @Test
  void aJava8FunctionIsRefusedBeforeAnyUpdate() throws Exception {
    server.setFunctionRuntime(REGION, "hello", "java8.al2");
    String v1 = server.createLayerVersion(REGION, "deps", Files.readAllBytes(zip("deps-1")));
    assertThatThrownBy(() -> deploy(function(zip("fn"), true), v1))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThat(server.callsByOperation()).containsOnlyKeys("GetFunctionConfiguration");
  }
}
