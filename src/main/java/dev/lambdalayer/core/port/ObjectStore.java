package dev.lambdalayer.core.port;

import java.nio.file.Path;

/**
 * The port to S3, where zips over Lambda's 50 MB direct-upload limit go. Methods throw {@link
 * AwsCallException}; implementations must be safe to call from several threads.
 */
public interface ObjectStore {

  /** {@code HeadObject}: whether the object exists. */
  boolean exists(String region, String bucket, String key);

  /** {@code PutObject} or a multipart upload, streamed from disk. */
  void put(String region, String bucket, String key, Path file, long size);
}
