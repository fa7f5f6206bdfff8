package dev.lambdalayer.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 uploads streamed from disk: one {@code PutObject} for a small file, a multipart upload in
 * {@code partSize} slices for a large one. No zip is ever held in memory whole.
 */
final class S3Uploads {

  static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

  private final long partSize;

  S3Uploads(long partSize) {
    this.partSize = partSize;
  }

  static boolean exists(S3Client s3, String bucket, String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        if (e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
          throw e;
        }
        return false;
      }
      throw e;
    }
  }

  void upload(S3Client s3, String bucket, String key, Path file, long size) {
    if (size <= partSize) {
      s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size), RequestBody.fromFile(file));
      return;
    }
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      int number = 1;
      for (long offset = 0; offset < size; offset += partSize, number++) {
        long length = Math.min(partSize, size - offset);
        long from = offset;
        int part = number;
        RequestBody body =
            RequestBody.fromContentProvider(
                () -> slice(file, from, length), length, "application/octet-stream");
        String etag =
            s3.uploadPart(
                    b ->
                        b.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .partNumber(part)
                            .contentLength(length),
                    body)
                .eTag();
        parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    } catch (RuntimeException e) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      } catch (RuntimeException abort) {
        e.addSuppressed(abort);
      }
      throw e;
    }
  }

  /** A fresh stream over one slice of the file; the SDK opens one per attempt. */
  private static InputStream slice(Path file, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(offset);
      InputStream in = Channels.newInputStream(channel);
      return new InputStream() {
        long left = length;

        @Override
        public int read() throws IOException {
          if (left <= 0) {
            return -1;
          }
          int b = in.read();
          if (b >= 0) {
            left--;
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          if (left <= 0) {
            return -1;
          }
          int n = in.read(buffer, off, (int) Math.min(len, left));
          if (n > 0) {
            left -= n;
          }
          return n;
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
