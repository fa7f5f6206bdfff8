package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Uploads one file through {@link SdkObjectStore#put}, in a JVM that {@link StreamingUploadTest}
 * starts with a heap smaller than the file: it only succeeds if the upload is streamed from disk.
 *
 * <p>Arguments: endpoint, file, part size in bytes.
 */
public final class UploadProbe {

  private UploadProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    AwsSettings settings =
        new AwsSettings(
            null, args[0], "standard", 1, Duration.ofMinutes(2), Duration.ofMinutes(2), false);
    try (AwsClients clients = new AwsClients(settings)) {
      new SdkObjectStore(clients, Long.parseLong(args[2]))
          .put("eu-west-1", "probe", "big.zip", file, Files.size(file));
    }
    System.out.println("uploaded; max heap " + Runtime.getRuntime().maxMemory());
  }
}
