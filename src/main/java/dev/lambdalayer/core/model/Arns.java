package dev.lambdalayer.core.model;

import java.util.Optional;

/** Reads the parts of Lambda ARNs the plugin needs, without any AWS library. */
public final class Arns {

  private Arns() {}

  /** The account id of an ARN, or "" when it is not one. */
  public static String account(String arn) {
    String[] parts = arn.split(":");
    return parts.length > 4 && parts[0].equals("arn") ? parts[4] : "";
  }

  /** The region of an ARN, or "" when it is not one. */
  public static String region(String arn) {
    String[] parts = arn.split(":");
    return parts.length > 3 && parts[0].equals("arn") ? parts[3] : "";
  }

  /** The layer name of a layer version ARN ({@code ...:layer:<name>:<version>}). */
  public static Optional<String> layerName(String layerVersionArn) {
    String[] parts = layerVersionArn.split(":");
    return parts.length == 8 && parts[5].equals("layer") ? Optional.of(parts[6]) : Optional.empty();
  }

  /** The layer ARN without its version. */
  public static String withoutVersion(String layerVersionArn) {
    return layerVersionArn.substring(0, layerVersionArn.lastIndexOf(':'));
  }
}
