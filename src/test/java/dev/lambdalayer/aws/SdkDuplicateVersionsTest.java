package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.publish.LayerPublishing;
import dev.lambdalayer.core.publish.LayerToPublish;
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
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate layer versions through the real SDK on a socket: publishers racing on one content, and
 * a {@code PublishLayerVersion} whose answer is lost and which the SDK retries.
 */
class SdkDuplicateVersionsTest {

  static final String REGION = "eu-west-1";

  @TempDir Path dir;
  FakeAwsServer server;
  AwsClients clients;
  final List<String> info = Collections.synchronizedList(new ArrayList<>());
  final List<String> warn = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", "fakeSecretKeyForDuplicateVersionsTest0");
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
  }

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  LayerToPublish layer(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("java/lib/" + name + ".jar"));
      byte[] data = new byte[3000];
      new Random(name.hashCode()).nextBytes(data);
      zip.write(data);
      zip.closeEntry();
    }
    Path file = dir.resolve(name + ".zip");
    Files.write(file, out.toByteArray());
    byte[] bytes = out.toByteArray();
    return new LayerToPublish(
        name,
        file,
        Hashes.sha256Hex(bytes),
        bytes.length,
        bytes.length,
        List.of("java21"),
        List.of("x86_64"));
  }

  LayerPublishing publishing() {
    return new LayerPublishing(
        new SdkAwsSession(clients),
        new PublishSettings(List.of(REGION), null, null, List.of()),
        (n, s, r) -> OptionalLong.empty(),
        info::add,
        warn::add,
        null);
  }

  @Test
  void racingPublishersLeaveExactlyOneVersion() throws Exception {
    LayerToPublish layer = layer("race");
    int publishers = 3;
    server.raceNextPublishes(publishers);
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    List<Future<PublishedLayer>> futures = new ArrayList<>();
    for (int i = 0; i < publishers; i++) {
      futures.add(
          pool.submit(
              () -> {
                try (LayerPublishing p = publishing()) {
                  return p.publish(layer, r -> {}).get(0);
                }
              }));
    }
    List<String> arns = new ArrayList<>();
    for (Future<PublishedLayer> f : futures) {
      arns.add(f.get().layerVersionArn());
    }
    pool.shutdown();
    assertThat(server.callsByOperation().get("PublishLayerVersion")).isEqualTo(publishers);
    assertThat(arns).containsOnly("arn:aws:lambda:eu-west-1:123456789012:layer:race:1");
    assertThat(server.layerVersionNumbers(REGION, "race")).containsExactly(1L);
    assertThat(warn).hasSize(publishers - 1);
    assertThat(warn)
        .allMatch(w -> w.contains("duplicates version 1") && w.contains("another publisher"))
        .allMatch(w -> w.contains("Deleted the duplicate version"));
  }

  @Test
  void aLostAnswerRetriedByTheSdkLeavesOneVersionAndSaysSo() throws Exception {
    LayerToPublish layer = layer("lost");
    server.failNext("PublishLayerVersion", "lost", 1);
    PublishedLayer done;
    try (LayerPublishing p = publishing()) {
      done = p.publish(layer, r -> {}).get(0);
    }
    assertThat(server.callsByOperation().get("PublishLayerVersion")).isEqualTo(2);
    assertThat(done.version()).isEqualTo(1);
    assertThat(done.outcome()).isEqualTo(PublishedLayer.Outcome.SETTLED);
    assertThat(server.layerVersionNumbers(REGION, "lost")).containsExactly(1L);
    assertThat(warn)
        .singleElement()
        .asString()
        .contains("version 2 duplicates version 1")
        .contains("AWS SDK retried")
        .contains("Deleted the duplicate version 2");
  }

  @Test
  void aServerErrorRetriedIsNoLostAnswer() throws Exception {
    LayerToPublish layer = layer("flaky");
    server.failNext("PublishLayerVersion", "500", 1);
    server.concurrentPublisherBeforeNext(1);
    try (LayerPublishing p = publishing()) {
      assertThat(p.publish(layer, r -> {}).get(0).version()).isEqualTo(1);
    }
    // The 500 created nothing; the twin from "another publisher" is version 1.
    assertThat(server.layerVersionNumbers(REGION, "flaky")).containsExactly(1L);
    assertThat(warn).singleElement().asString().contains("another publisher");
  }

  @Test
  void aDuplicateAFunctionAlreadyUsesIsKept() throws Exception {
    LayerToPublish layer = layer("used");
    server.concurrentPublisherBeforeNext(1);
    server.createFunction(REGION, "early");
    // Between the publish and the clean-up, a function starts using the duplicate.
    server.beforeCall(
        "ListLayerVersions",
        2,
        () ->
            server.setFunctionLayers(
                REGION, "early", List.of("arn:aws:lambda:eu-west-1:123456789012:layer:used:2")));
    try (LayerPublishing p = publishing()) {
      assertThat(p.publish(layer, r -> {}).get(0).version()).isEqualTo(1);
    }
    assertThat(server.layerVersionNumbers(REGION, "used")).containsExactly(1L, 2L);
    assertThat(server.callsByOperation()).containsKey("ListFunctions");
    assertThat(warn)
        .singleElement()
        .asString()
        .contains("Version 2 is kept: [function 'early' $LATEST] already uses it");
  }
}
