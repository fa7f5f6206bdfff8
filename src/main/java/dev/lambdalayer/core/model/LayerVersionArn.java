package dev.lambdalayer.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda layer version ARN, read strictly: {@code arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:
 * VERSION} with partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}, a region name, a
 * 12-digit account, Lambda's layer name characters and a positive version.
 */
public record LayerVersionArn(
    String partition, String region, String account, String layerName, long version) {

  private static final Pattern ARN =
      Pattern.compile(
          "arn:(aws|aws-cn|aws-us-gov):lambda:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):layer:"
              + "([a-zA-Z0-9_-]{1,140}):([1-9]\\d{0,17})");

  /** The parts of {@code text}, or empty when it is not a layer version ARN. */
  public static Optional<LayerVersionArn> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ARN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new LayerVersionArn(
            m.group(1), m.group(2), m.group(3), m.group(4), Long.parseLong(m.group(5))));
  }

  @Override
  public String toString() {
    return "arn:"
        + partition
        + ":lambda:"
        + region
        + ":"
        + account
        + ":layer:"
        + layerName
        + ":"
        + version;
  }
}
