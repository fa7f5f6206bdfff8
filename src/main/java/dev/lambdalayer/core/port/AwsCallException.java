package dev.lambdalayer.core.port;

/**
 * An AWS call that failed after the SDK's retries: names the operation, what it acted on, the
 * region and AWS's own message, so a CI log says exactly what went wrong where.
 */
public class AwsCallException extends RuntimeException {

  /** Why the call failed, as far as the plugin must react differently. */
  public enum Kind {
    /** No credentials could be found or they were rejected. */
    CREDENTIALS,
    /** No region was configured and the SDK's region chain found none. */
    REGION,
    /** The resource does not exist (a deleted layer version, an unknown function). */
    NOT_FOUND,
    /** Another update is in progress, or a statement id already exists. */
    CONFLICT,
    /** A function update did not finish in the time allowed for it. */
    TIMEOUT,
    /** Anything else AWS or the network reported. */
    OTHER
  }

  private final String operation;
  private final String subject;
  private final String region;
  private final String awsMessage;
  private final Kind kind;

  public AwsCallException(
      String operation,
      String subject,
      String region,
      String awsMessage,
      Kind kind,
      Throwable cause) {
    super(message(operation, subject, region, awsMessage, kind), cause);
    this.operation = operation;
    this.subject = subject;
    this.region = region;
    this.awsMessage = awsMessage;
    this.kind = kind;
  }

  /**
   * For missing credentials the advice comes first and the SDK's text (a provider chain of some
   * 1,500 characters) last and short: CI logs cut long lines, and the advice is what helps.
   */
  private static String message(
      String operation, String subject, String region, String awsMessage, Kind kind) {
    String call = operation + " for " + subject + " in " + region + " failed: ";
    if (kind == Kind.CREDENTIALS) {
      return call
          + "no usable AWS credentials"
          + hint(kind)
          + ". The AWS SDK said: "
          + shortened(awsMessage);
    }
    return call + awsMessage + hint(kind);
  }

  /** The SDK's message without its list of every provider it tried, at most 200 characters. */
  static String shortened(String sdkMessage) {
    String text = String.valueOf(sdkMessage);
    int chain = text.indexOf(" in the chain ");
    if (chain > 0) {
      text = text.substring(0, chain) + " in the default chain";
    }
    return text.length() <= 200 ? text : text.substring(0, 199) + "\u2026";
  }

  private static String hint(Kind kind) {
    return switch (kind) {
      case CREDENTIALS ->
          ". Provide AWS credentials through the SDK's default chain: the environment"
              + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), a profile in"
              + " ~/.aws/config or ~/.aws/credentials (chosen by AWS_PROFILE or the build's profile"
              + " setting; run 'aws sso login' for SSO profiles), web identity"
              + " (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN in CI) or an instance/container role";
      case REGION -> ". Configure the regions, or set AWS_REGION, or a region in the profile";
      default -> "";
    };
  }

  public String operation() {
    return operation;
  }

  public String subject() {
    return subject;
  }

  public String region() {
    return region;
  }

  public String awsMessage() {
    return awsMessage;
  }

  public Kind kind() {
    return kind;
  }
}
