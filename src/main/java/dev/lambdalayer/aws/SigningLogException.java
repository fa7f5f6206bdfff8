package dev.lambdalayer.aws;

/**
 * Debug logging is on and the SDK's signers could not be silenced: the build stops rather than log
 * signing material. An {@link IllegalStateException}, so the Mojos report its message as it is.
 */
final class SigningLogException extends IllegalStateException {

  SigningLogException(String message) {
    super(message);
  }

  SigningLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
