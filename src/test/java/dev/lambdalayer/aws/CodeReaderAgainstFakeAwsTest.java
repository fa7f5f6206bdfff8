package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsSettings;
import dev.lambdalayer.core.port.CodeReader;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a promotion reads from its source: code hashes, layer lists and presigned downloads. */
class CodeReaderAgainstFakeAwsTest {

  private FakeAwsServer server;
  private SdkAwsSession aws;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", SdkAgainstFakeAwsTest.SECRET);
    server = FakeAwsServer.start();
    aws =
        new SdkAwsSession(
            new AwsClients(
                new AwsSettings(
                    null,
                    server.endpoint(),
                    "standard",
                    2,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5),
                    false)));
  }

  @AfterEach
  void stop() {
    aws.close();
    server.close();
  }

  private static byte[] zip(String entry) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(entry));
      out.write(entry.getBytes());
      out.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void aLayerVersionIsDownloadedFromItsContentLocation() throws Exception {
    byte[] layer = zip("java/lib/a.jar");
    String arn = server.createLayerVersion("eu-west-1", "deps", layer);
    CodeReader code = aws.code();

    CodeReader.LayerContent content = code.getLayerVersion("eu-west-1", arn).orElseThrow();
    Path file = dir.resolve("layer.zip");
    code.download("eu-west-1", content.location(), file);

    assertThat(content.layerVersionArn()).isEqualTo(arn);
    assertThat(content.codeSha256()).isEqualTo(FakeAwsServer.base64Sha256(layer));
    assertThat(Files.readAllBytes(file)).isEqualTo(layer);
    assertThat(code.getLayerVersion("eu-west-1", arn.replaceAll(":1$", ":9"))).isEmpty();
  }

  @Test
  void aFunctionVersionIsReadThroughItsAliasWithItsCodeLocation() throws Exception {
    byte[] layer = zip("java/lib/a.jar");
    String arn = server.createLayerVersion("eu-west-1", "deps", layer);
    server.createFunction("eu-west-1", "hello");
    server.setFunctionLayers("eu-west-1", "hello", java.util.List.of(arn));
    server.pointAlias(
        "eu-west-1", "hello", "live", server.publishFunctionVersion("eu-west-1", "hello"), null, 0);
    server.setFunctionLayers("eu-west-1", "hello", java.util.List.of());

    CodeReader.FunctionCode live = aws.code().getFunction("eu-west-1", "hello", "live");
    CodeReader.FunctionCode latest = aws.code().getFunction("eu-west-1", "hello", "$LATEST");

    assertThat(live.version()).isEqualTo("1");
    assertThat(live.layers()).containsExactly(arn);
    assertThat(latest.layers()).isEmpty();
    assertThat(live.location()).contains("X-Amz-Signature=");
  }

  @Test
  void aRefusedDownloadNamesTheHostButNeverTheSignedUrl() throws Exception {
    String arn = server.createLayerVersion("eu-west-1", "deps", zip("java/lib/a.jar"));
    String location = aws.code().getLayerVersion("eu-west-1", arn).orElseThrow().location();
    String tampered = location.replace(FakeAwsServer.PRESIGNED_SIGNATURE, "expired");

    assertThatThrownBy(() -> aws.code().download("eu-west-1", tampered, dir.resolve("x.zip")))
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("Download for code location on 127.0.0.1 in eu-west-1 failed")
                  .contains("HTTP status 403")
                  .doesNotContain("X-Amz-Signature")
                  .doesNotContain("expired?X");
            });
  }

  @Test
  void anUnparsableLocationIsNeverQuoted() {
    String location =
        "https://bucket.example/a b?X-Amz-Signature=" + FakeAwsServer.PRESIGNED_SIGNATURE;

    assertThatThrownBy(() -> aws.code().download("eu-west-1", location, dir.resolve("x.zip")))
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.getMessage()).contains("is not a URL");
              assertThat(e.getMessage() + e.getCause())
                  .doesNotContain(FakeAwsServer.PRESIGNED_SIGNATURE)
                  .doesNotContain("X-Amz-Signature");
            });
  }

  @Test
  void anIoMessageLosesItsQueryString() {
    assertThat(
            SdkCodeReader.withoutQuery(
                "java.io.IOException: GET https://b.s3.amazonaws.com/k?X-Amz-Signature=abc failed"))
        .isEqualTo("java.io.IOException: GET https://b.s3.amazonaws.com/k?... failed");
  }
}
