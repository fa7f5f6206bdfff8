package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 upload streams the zip from disk through the url-connection HTTP client: a 60 MB file
 * uploads from a JVM with a 40 MB heap, both as one PutObject and as a multipart upload. (A body
 * the client buffered whole, as {@code HttpURLConnection} does without a fixed-length streaming
 * mode, would not fit.)
 */
class StreamingUploadTest {

  private static final long SIZE = 60L * 1024 * 1024;

  @TempDir Path dir;

  private String upload(FakeAwsServer server, Path file, long partSize) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx40m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    UploadProbe.class.getName(),
                    server.endpoint(),
                    file.toString(),
                    String.valueOf(partSize)))
            .redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKEFAKE");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "probeSecret");
    builder.environment().remove("AWS_PROFILE");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private Path bigFile() throws Exception {
    Path file = dir.resolve("big.zip");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(SIZE);
      raf.seek(SIZE - 4);
      raf.writeInt(0x504b0506); // any bytes: only the length matters here
    }
    return file;
  }

  @Test
  void aSinglePutObjectStreamsFromDisk() throws Exception {
    try (FakeAwsServer server = FakeAwsServer.start()) {
      server.createBucket("eu-west-1", "probe");
      String output = upload(server, bigFile(), Long.MAX_VALUE);
      assertThat(output).contains("uploaded; max heap");
      assertThat(server.callsByOperation()).containsEntry("PutObject", 1L);
      assertThat(server.bytesUploaded()).isEqualTo(SIZE);
    }
  }

  @Test
  void aMultipartUploadStreamsPartByPart() throws Exception {
    try (FakeAwsServer server = FakeAwsServer.start()) {
      server.createBucket("eu-west-1", "probe");
      upload(server, bigFile(), 16L * 1024 * 1024);
      assertThat(server.callsByOperation())
          .containsEntry("CreateMultipartUpload", 1L)
          .containsEntry("UploadPart", 4L)
          .containsEntry("CompleteMultipartUpload", 1L);
      assertThat(server.bytesUploaded()).isEqualTo(SIZE);
    }
  }
}
