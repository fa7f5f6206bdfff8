package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.publish.AttachedLayerVerifier;
import dev.lambdalayer.core.publish.DeployedFunction;
import dev.lambdalayer.core.publish.FunctionDeployment;
import dev.lambdalayer.core.publish.FunctionToDeploy;
import dev.lambdalayer.core.publish.LayerPublishing;
import dev.lambdalayer.core.publish.LayerToPublish;
import dev.lambdalayer.core.publish.PublishSettings;
import dev.lambdalayer.core.publish.PublishedLayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SDK clients against the fake Lambda and S3 server. */
class SdkAgainstFakeAwsTest {

  static final String SECRET = "fakeSecretKeyThatMustNeverBeLogged0123456";
  static final String TOKEN = "fakeSessionTokenThatMustNeverBeLogged98765";

  static FakeAwsServer server;
  static AwsClients clients;
  static SdkAwsSession aws;

  @TempDir Path dir;
  final List<String> log = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", SECRET);
    System.setProperty("aws.sessionToken", TOKEN);
    server = FakeAwsServer.start();
    clients =
        new AwsClients(
            new AwsSettings(
                null,
                server.endpoint(),
                "standard",
                4,
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                false));
    aws = new SdkAwsSession(clients);
  }

  @AfterAll
  static void stop() {
    clients.close();
    server.close();
  }

  Path zip(String name, int bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(0);
      zip.putNextEntry(new ZipEntry("java/lib/" + name + ".jar"));
      byte[] data = new byte[bytes];
      new Random(name.hashCode()).nextBytes(data);
      zip.write(data);
      zip.closeEntry();
    }
    Path file = dir.resolve(name + ".zip");
    Files.write(file, out.toByteArray());
    return file;
  }

  LayerToPublish layer(String name, Path zip) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    return new LayerToPublish(
        name,
        zip,
        Hashes.sha256Hex(bytes),
        bytes.length,
        bytes.length,
        List.of("java21"),
        List.of("x86_64"));
  }

  LayerPublishing publishing(List<String> regions, List<Share> shares) {
    return new LayerPublishing(
        aws,
        new PublishSettings(regions, "bucket-{region}", "Apache-2.0", shares),
        (n, s, r) -> OptionalLong.empty(),
        log::add);
  }

  @Test
  void publishesOnceThenFindsTheVersionByItsHash() throws Exception {
    LayerToPublish layer = layer("libs", zip("libs", 10_000));
    try (LayerPublishing p = publishing(List.of("eu-west-1", "us-east-1"), List.of())) {
      List<PublishedLayer> first = p.publish(layer, r -> {});
      assertThat(first)
          .extracting(PublishedLayer::outcome)
          .containsOnly(PublishedLayer.Outcome.PUBLISHED);
      assertThat(first.get(0).layerVersionArn())
          .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:layer:libs:1");
      assertThat(first.get(0).account()).isEqualTo(FakeAwsServer.ACCOUNT);
      server.resetCounters();
      List<PublishedLayer> second = p.publish(layer, r -> {});
      assertThat(second)
          .extracting(PublishedLayer::outcome)
          .containsOnly(PublishedLayer.Outcome.FOUND);
      assertThat(server.bytesUploaded()).isZero();
      // Per region one ListLayerVersions, and one GetLayerVersionPolicy to converge the grants.
      assertThat(server.callsByOperation())
          .isEqualTo(Map.of("ListLayerVersions", 2L, "GetLayerVersionPolicy", 2L));
    }
    assertThat(server.layerVersionCount("eu-west-1", "libs")).isEqualTo(1);
  }

  @Test
  void sameContentForOtherRuntimesIsANewVersion() throws Exception {
    LayerToPublish java21 = layer("runtimes", zip("runtimes", 10_000));
    LayerToPublish java25 =
        new LayerToPublish(
            java21.name(),
            java21.zip(),
            java21.sha256(),
            java21.zippedBytes(),
            java21.unzippedBytes(),
            List.of("java25"),
            java21.architectures());
    try (LayerPublishing p = publishing(List.of("eu-west-1"), List.of())) {
      p.publish(java21, r -> {});
      List<PublishedLayer> other = p.publish(java25, r -> {});
      assertThat(other)
          .extracting(PublishedLayer::outcome)
          .containsOnly(PublishedLayer.Outcome.PUBLISHED);
      assertThat(p.publish(java21, r -> {}))
          .extracting(PublishedLayer::outcome)
          .containsOnly(PublishedLayer.Outcome.FOUND);
    }
    assertThat(server.layerVersionCount("eu-west-1", "runtimes")).isEqualTo(2);
  }

  @Test
  void lockedVersionIsConfirmedWithOneCall() throws Exception {
    LayerToPublish layer = layer("locked", zip("locked", 1000));
    try (LayerPublishing p = publishing(List.of("eu-west-1"), List.of())) {
      p.publish(layer, r -> {});
    }
    server.resetCounters();
    try (LayerPublishing p =
        new LayerPublishing(
            aws,
            new PublishSettings(List.of("eu-west-1"), null, null, List.of()),
            (n, s, r) -> OptionalLong.of(1),
            log::add)) {
      assertThat(p.publish(layer, r -> {}).get(0).outcome())
          .isEqualTo(PublishedLayer.Outcome.LOCKED);
    }
    // The confirmation, and the policy read that keeps the grants equal to the declared shares.
    assertThat(server.callsByOperation())
        .isEqualTo(Map.of("GetLayerVersion", 1L, "GetLayerVersionPolicy", 1L));
  }

  @Test
  void deletedLockedVersionIsRepublished() throws Exception {
    LayerToPublish layer = layer("gone", zip("gone", 1000));
    try (LayerPublishing p = publishing(List.of("eu-west-1"), List.of())) {
      p.publish(layer, r -> {});
    }
    server.deleteLayerVersion("eu-west-1", "gone", 1);
    try (LayerPublishing p =
        new LayerPublishing(
            aws,
            new PublishSettings(List.of("eu-west-1"), null, null, List.of()),
            (n, s, r) -> OptionalLong.of(1),
            log::add)) {
      PublishedLayer again = p.publish(layer, r -> {}).get(0);
      assertThat(again.version()).isEqualTo(2);
      assertThat(again.outcome()).isEqualTo(PublishedLayer.Outcome.PUBLISHED);
    }
    assertThat(log).anyMatch(l -> l.contains("no longer exists"));
  }

  @Test
  void concurrentPublishersSettleOnOneVersion() throws Exception {
    LayerToPublish layer = layer("race", zip("race", 5000));
    var pool = Executors.newFixedThreadPool(3);
    List<Future<PublishedLayer>> futures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      futures.add(
          pool.submit(
              (Callable<PublishedLayer>)
                  () -> {
                    try (LayerPublishing p = publishing(List.of("eu-west-1"), List.of())) {
                      return p.publish(layer, r -> {}).get(0);
                    }
                  }));
    }
    Set<String> arns = new java.util.HashSet<>();
    for (Future<PublishedLayer> f : futures) {
      arns.add(f.get().layerVersionArn());
    }
    pool.shutdown();
    assertThat(arns).hasSize(1);
    assertThat(arns.iterator().next()).endsWith(":1");
  }

  @Test
  void retriesThrottlingServerErrorsAndDroppedConnections() throws Exception {
    LayerToPublish layer = layer("flaky", zip("flaky", 1000));
    server.failNext("ListLayerVersions", "429", 1);
    server.failNext("PublishLayerVersion", "500", 1);
    server.failNext("PublishLayerVersion", "drop", 1);
    try (LayerPublishing p = publishing(List.of("ap-south-1"), List.of())) {
      assertThat(p.publish(layer, r -> {}).get(0).version()).isEqualTo(1);
    }
    assertThat(server.layerVersionCount("ap-south-1", "flaky")).isEqualTo(1);
  }

  @Test
  void failureNamesOperationLayerRegionAndAwsMessage() throws Exception {
    LayerToPublish layer = layer("Bad.Name", zip("bad", 100));
    try (LayerPublishing p = publishing(List.of("eu-west-1"), List.of())) {
      assertThatThrownBy(() -> p.publish(layer, r -> {}))
          .isInstanceOf(AwsCallException.class)
          .hasMessageContaining("ListLayerVersions for layer 'Bad.Name' in eu-west-1 failed")
          .hasMessageContaining("regular expression");
    }
  }

  @Test
  void sharesIdempotently() throws Exception {
    LayerToPublish layer = layer("shared", zip("shared", 100));
    List<Share> shares = List.of(Share.parse("210987654321"), Share.parse("o-abcdefghij"));
    try (LayerPublishing p = publishing(List.of("eu-west-1"), shares)) {
      p.publish(layer, r -> {});
      p.publish(layer, r -> {});
    }
    assertThat(server.layerPolicySids("eu-west-1", "shared", 1))
        .containsExactlyInAnyOrder(
            "lambda-layer-account-210987654321", "lambda-layer-org-o-abcdefghij");
  }

  @Test
  void sharingConvergesToTheDeclaredSharesRevokingEveryOtherGrant() throws Exception {
    LayerToPublish layer = layer("converge", zip("converge", 120));
    try (LayerPublishing p =
        publishing(
            List.of("eu-west-1"),
            List.of(Share.parse("210987654321"), Share.parse("o-abcdefghij")))) {
      p.publish(layer, r -> {});
    }
    // Granted by hand: the same account under another statement id, and everyone.
    server.grantLayerVersion("eu-west-1", "converge", 1, "by-hand-account", "333333333333");
    server.grantLayerVersion("eu-west-1", "converge", 1, "by-hand-public", "*");
    server.resetCounters();
    log.clear();

    try (LayerPublishing p =
        publishing(List.of("eu-west-1"), List.of(Share.parse("333333333333")))) {
      p.publish(layer, r -> {});
    }

    // The account granted by hand is the declared one (read from IAM's root principal): kept.
    assertThat(server.layerPolicySids("eu-west-1", "converge", 1))
        .containsExactly("by-hand-account");
    assertThat(server.callsByOperation())
        .containsEntry("RemoveLayerVersionPermission", 3L)
        .doesNotContainKey("AddLayerVersionPermission");
    assertThat(log)
        .anyMatch(l -> l.contains("removed the grant to 210987654321"))
        .anyMatch(l -> l.contains("removed the grant to o-abcdefghij"))
        .anyMatch(l -> l.contains("removed the grant to * (statement by-hand-public)"));
  }

  @Test
  void getLayerVersionByArnReportsTheContentAVersionHoldsNow() throws Exception {
    try (LayerPublishing p = publishing(List.of("eu-west-1"), List.of())) {
      p.publish(layer("byarn", zip("byarn", 90)), r -> {});
    }
    String arn = "arn:aws:lambda:eu-west-1:123456789012:layer:byarn:1";
    String before = aws.layerVersions().getLayerVersionByArn("eu-west-1", arn).get().codeSha256();
    server.replaceLayerContent("eu-west-1", "byarn", 1, Files.readAllBytes(zip("other", 90)));
    server.resetCounters();

    List<AttachedLayerVerifier.Mismatch> mismatches =
        new AttachedLayerVerifier(aws.layerVersions())
            .verify(
                List.of(
                    new AttachedLayerVerifier.AttachedLayer(
                        "byarn",
                        "eu-west-1",
                        arn,
                        before,
                        AttachedLayerVerifier.Origin.SHARED,
                        "the descriptor"),
                    new AttachedLayerVerifier.AttachedLayer(
                        "byarn",
                        "eu-west-1",
                        arn.replace(":1", ":7"),
                        before,
                        AttachedLayerVerifier.Origin.SHARED,
                        "the descriptor")));

    assertThat(mismatches).hasSize(2);
    assertThat(mismatches.get(0).actualCodeSha256()).isNotEqualTo(before).hasSize(44);
    assertThat(mismatches.get(0).message())
        .contains("layer 'byarn' in eu-west-1 (" + arn + ") holds CodeSha256 ")
        .contains("but the descriptor records " + before)
        .contains("Publish the shared layer project again");
    assertThat(mismatches.get(1).missing()).isTrue();
    assertThat(server.callsByOperation()).isEqualTo(Map.of("GetLayerVersionByArn", 2L));
  }

  @Test
  void theClientsChangeNoSystemPropertyAndSilenceTheSignerInThisClassLoaderOnly() throws Exception {
    java.util.Properties before = (java.util.Properties) System.getProperties().clone();
    try (AwsClients fresh =
        new AwsClients(
            new AwsSettings(
                null,
                server.endpoint(),
                "standard",
                2,
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                false))) {
      new SdkAwsSession(fresh).layerVersions().listLayerVersions("eu-west-1", "none");
      AwsClients.defaultRegion(null);
    }
    assertThat(System.getProperties()).isEqualTo(before);
    assertThat(
            SigningLogSilencer.silenced(
                "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner"))
        .isTrue();
  }

  @Test
  void largeObjectsGoUpInParts() throws Exception {
    server.createBucket("eu-west-1", "big");
    Path big = zip("big", 3 * 1024 * 1024 + 17);
    SdkObjectStore objects = new SdkObjectStore(clients, 1024 * 1024);
    long size = Files.size(big);
    assertThat(objects.exists("eu-west-1", "big", "k.zip")).isFalse();
    server.resetCounters();
    objects.put("eu-west-1", "big", "k.zip", big, size);
    assertThat(server.callsByOperation())
        .containsEntry("CreateMultipartUpload", 1L)
        .containsEntry("UploadPart", 4L)
        .containsEntry("CompleteMultipartUpload", 1L);
    assertThat(server.bytesUploaded()).isEqualTo(size);
    assertThat(objects.exists("eu-west-1", "big", "k.zip")).isTrue();
  }

  @Test
  void deploysFunctionKeepingForeignLayersAndMovesAlias() throws Exception {
    String region = "eu-central-1";
    server.createFunction(region, "hello");
    String foreign =
        server.createLayerVersion(region, "monitoring", Files.readAllBytes(zip("mon", 10)));
    server.setUpdatePolls(2);
    LayerToPublish layer = layer("deps", zip("deps", 2000));
    List<PublishedLayer> published;
    try (LayerPublishing p = publishing(List.of(region), List.of())) {
      published = p.publish(layer, r -> {});
    }
    // The function already uses the foreign layer: it must stay, in place.
    new SdkFunctionDeployer(clients).updateLayers(region, "hello", List.of(foreign));
    Path fnZip = zip("fn", 500);
    byte[] fnBytes = Files.readAllBytes(fnZip);
    FunctionToDeploy fn =
        new FunctionToDeploy(
            "hello", fnZip, Hashes.sha256Hex(fnBytes), fnBytes.length, 500, "live");
    server.failNext("UpdateFunctionConfiguration", "conflict", 1);
    FunctionDeployment deployment =
        new FunctionDeployment(
            aws,
            new PublishSettings(List.of(region), null, null, List.of()),
            new FunctionDeployment.Timing(Duration.ofSeconds(20), Duration.ofMillis(20)),
            log::add);
    List<DeployedFunction> done =
        deployment.deploy(fn, Map.of(region, published), arn -> Set.of(), Set.of());
    assertThat(server.functionLayers(region, "hello"))
        .containsExactly(foreign, published.get(0).layerVersionArn());
    assertThat(server.functionCodeSha256(region, "hello")).isEqualTo(fn.codeSha256());
    assertThat(server.aliasVersion(region, "hello", "live")).isEqualTo("1");
    assertThat(done.get(0).version()).isEqualTo("1");
    // Unchanged: nothing is updated.
    server.resetCounters();
    deployment.deploy(
        new FunctionToDeploy("hello", fnZip, fn.sha256(), fnBytes.length, 500, null),
        Map.of(region, published),
        arn -> Set.of(),
        Set.of());
    assertThat(server.callsByOperation()).isEqualTo(Map.of("GetFunctionConfiguration", 1L));
  }

  @Test
  void failedUpdateCarriesTheReason() throws Exception {
    String region = "eu-north-1";
    server.createFunction(region, "broken");
    server.failNextUpdate("The layer is not compatible with the runtime");
    Path fnZip = zip("fn2", 100);
    byte[] bytes = Files.readAllBytes(fnZip);
    FunctionDeployment deployment =
        new FunctionDeployment(
            aws,
            new PublishSettings(List.of(region), null, null, List.of()),
            new FunctionDeployment.Timing(Duration.ofSeconds(20), Duration.ofMillis(20)),
            log::add);
    assertThatThrownBy(
            () ->
                deployment.deploy(
                    new FunctionToDeploy(
                        "broken", fnZip, Hashes.sha256Hex(bytes), bytes.length, 100, null),
                    Map.of(),
                    arn -> Set.of(),
                    Set.of()))
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("UpdateFunctionCode for function 'broken' in eu-north-1")
        .hasMessageContaining("The layer is not compatible with the runtime");
  }

  /** Issue 13 item 16: a PublishLayerVersion answer without a Version was a bare NPE. */
  @Test
  void aPublishAnswerWithoutAVersionNamesTheOperationLayerAndRegion() throws Exception {
    LayerToPublish layer = layer("truncated", zip("truncated", 100));
    server.failNext("PublishLayerVersion", "empty", 1);
    try (LayerPublishing p = publishing(List.of("ap-south-1"), List.of())) {
      assertThatThrownBy(() -> p.publish(layer, r -> {}))
          .isInstanceOf(AwsCallException.class)
          .hasMessageContaining("PublishLayerVersion for layer 'truncated' in ap-south-1 failed")
          .hasMessageContaining("no Version")
          .hasMessageContaining("run the publish again");
    } finally {
      server.clearFaults();
    }
  }

  /** Issue 13 item 16: a conflict lasting past the timeout did not say the timeout ran out. */
  @Test
  void anUpdateInProgressPastTheTimeoutSaysUpdateTimeoutRanOut() throws Exception {
    String region = "eu-south-1";
    server.createFunction(region, "busy");
    server.failNext("UpdateFunctionCode", "conflict", 1_000);
    Path fnZip = zip("busy", 100);
    byte[] bytes = Files.readAllBytes(fnZip);
    FunctionDeployment deployment =
        new FunctionDeployment(
            aws,
            new PublishSettings(List.of(region), null, null, List.of()),
            new FunctionDeployment.Timing(Duration.ofMillis(300), Duration.ofMillis(20)),
            log::add);
    try {
      assertThatThrownBy(
              () ->
                  deployment.deploy(
                      new FunctionToDeploy(
                          "busy", fnZip, Hashes.sha256Hex(bytes), bytes.length, 100, null),
                      Map.of(),
                      arn -> Set.of(),
                      Set.of()))
          .isInstanceOf(AwsCallException.class)
          .hasMessageContaining("UpdateFunctionCode for function 'busy' in eu-south-1")
          .hasMessageContaining("the update timeout (0 s) ran out")
          .hasMessageContaining("An update is in progress")
          .extracting(e -> ((AwsCallException) e).kind())
          .isEqualTo(AwsCallException.Kind.TIMEOUT);
    } finally {
      server.clearFaults();
    }
  }

  /**
   * Issue 13 item 16: an unknown region was tried five times over 15 s. It is refused before any
   * call, unless <allowUnknownRegion> lets a region newer than the SDK through.
   */
  @Test
  void anUnknownRegionIsRefusedBeforeAnyCall() {
    server.resetCounters();
    SdkAwsPorts ports = new SdkAwsPorts();

    AwsSettings strict = AwsSettings.defaults();
    assertThatThrownBy(() -> ports.regions(List.of("eu-west-1", "eu-nowhere-9"), strict))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.violations()).hasSize(1);
              assertThat(e.violations().get(0).setting()).isEqualTo(Setting.REGIONS);
              assertThat(e.violations().get(0).value()).isEqualTo("eu-nowhere-9");
              assertThat(e.violations().get(0).fix())
                  .contains(
                      "<region> / -Dlambda.region",
                      "<allowUnknownRegion>true (-Dlambda.allowUnknownRegion=true)");
            });
    assertThat(server.calls()).isZero();
    assertThat(ports.regions(List.of("eu-west-1", "us-gov-west-1"), strict))
        .containsExactly("eu-west-1", "us-gov-west-1");

    assertThat(ports.regions(List.of("eu-nowhere-9"), strict.withUnknownRegionsAllowed(true)))
        .containsExactly("eu-nowhere-9");
  }

  @Test
  void noSecretReachesTheDebugLog() throws Exception {
    try (LayerPublishing p = publishing(List.of("sa-east-1"), List.of())) {
      p.publish(layer("logged", zip("logged", 100)), r -> {});
    }
    Path logFile =
        Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/sdk-debug.log"));
    String text = Files.readString(logFile, StandardCharsets.UTF_8);
    assertThat(text).contains("DEBUG"); // the SDK did log at debug level
    assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain("Signature=");
  }
}
