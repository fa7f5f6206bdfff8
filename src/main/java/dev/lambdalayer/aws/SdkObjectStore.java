package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.ObjectStore;
import java.nio.file.Path;

/** {@link ObjectStore} over the SDK's S3 client, uploads streamed from disk. */
final class SdkObjectStore implements ObjectStore {

  private final AwsClients clients;
  private final S3Uploads uploads;

  SdkObjectStore(AwsClients clients) {
    this(clients, S3Uploads.DEFAULT_PART_SIZE);
  }

  SdkObjectStore(AwsClients clients, long partSize) {
    this.clients = clients;
    this.uploads = new S3Uploads(partSize);
  }

  @Override
  public boolean exists(String region, String bucket, String key) {
    return SdkCalls.call(
        "HeadObject",
        "s3://" + bucket + "/" + key,
        region,
        () -> S3Uploads.exists(clients.s3(region), bucket, key));
  }

  @Override
  public void put(String region, String bucket, String key, Path file, long size) {
    SdkCalls.run(
        size > S3Uploads.DEFAULT_PART_SIZE ? "CreateMultipartUpload/UploadPart" : "PutObject",
        "s3://" + bucket + "/" + key,
        region,
        () -> uploads.upload(clients.s3(region), bucket, key, file, size));
  }
}
