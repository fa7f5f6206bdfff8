package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsCallException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one SDK call and turns its exceptions into the core's {@link AwsCallException}. */
final class SdkCalls {

  private static final Set<String> CREDENTIAL_ERRORS =
      Set.of(
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "InvalidAccessKeyId",
          "ExpiredToken",
          "ExpiredTokenException",
          "InvalidClientTokenId",
          "MissingAuthenticationTokenException");

  private SdkCalls() {}

  static <T> T call(String operation, String subject, String region, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String message =
          e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
              ? e.awsErrorDetails().errorMessage()
              : e.getMessage();
      AwsCallException.Kind kind = AwsCallException.Kind.OTHER;
      if (e.statusCode() == 404 || "ResourceNotFoundException".equals(code)) {
        kind = AwsCallException.Kind.NOT_FOUND;
      } else if ("ResourceConflictException".equals(code)) {
        kind = AwsCallException.Kind.CONFLICT;
      } else if (code != null && CREDENTIAL_ERRORS.contains(code)) {
        kind = AwsCallException.Kind.CREDENTIALS;
      }
      throw new AwsCallException(
          operation,
          subject,
          region,
          message
              + " ("
              + (code == null ? "" : code + ", ")
              + "HTTP "
              + e.statusCode()
              + (e.requestId() == null ? "" : ", request id " + e.requestId())
              + ")",
          kind,
          e);
    } catch (SdkClientException e) {
      String message = String.valueOf(e.getMessage());
      AwsCallException.Kind kind = AwsCallException.Kind.OTHER;
      if (message.contains("Unable to load credentials")
          || message.contains("credentials")
              && (message.contains("Unable") || message.contains("not"))) {
        kind = AwsCallException.Kind.CREDENTIALS;
      } else if (message.contains("Unable to load region")) {
        kind = AwsCallException.Kind.REGION;
      }
      throw new AwsCallException(operation, subject, region, message, kind, e);
    } catch (SdkException e) {
      throw new AwsCallException(
          operation, subject, region, e.getMessage(), AwsCallException.Kind.OTHER, e);
    }
  }

  static void run(String operation, String subject, String region, Runnable call) {
    call(
        operation,
        subject,
        region,
        () -> {
          call.run();
          return null;
        });
  }
}
