package dev.lambdalayer.core.port;

import dev.lambdalayer.core.model.Arns;

/**
 * A layer version as AWS describes it.
 *
 * @param codeSha256 Lambda's base64 {@code CodeSha256}; null when the version came from a list,
 *     which does not carry it
 * @param codeSize the zip's size in bytes; 0 when unknown
 */
public record LayerVersionInfo(
    String layerVersionArn, long version, String description, String codeSha256, long codeSize) {

  /** The account id, read from the ARN ({@code arn:aws:lambda:region:account:layer:name:n}). */
  public String account() {
    return Arns.account(layerVersionArn);
  }
}
