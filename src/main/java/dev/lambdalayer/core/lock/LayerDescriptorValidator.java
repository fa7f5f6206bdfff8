package dev.lambdalayer.core.lock;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.LayerVersionArn;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.LayerDescriptor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a shared layer's descriptor before anything trusts it: the layer name, hashes that are
 * SHA-256 digests (hex, and base64 of the same 32 bytes), a plausible size, and published versions
 * whose ARNs are Lambda layer version ARNs agreeing with the region, account, name and version
 * written next to them. A descriptor written by this plugin always passes; one edited by hand or
 * damaged on the way through a repository does not.
 */
public final class LayerDescriptorValidator {

  private static final Pattern LAYER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,140}");
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private LayerDescriptorValidator() {}

  /**
   * @param reference the shared layer as configured ({@code groupId:artifactId:version})
   * @param source the descriptor file, for the message
   * @throws InvalidConfigurationException naming the shared layer, the descriptor and every problem
   */
  public static void check(LayerDescriptor d, String reference, String source) {
    List<String> problems = problems(d);
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.SHARED_LAYERS,
              reference,
              "its layer descriptor (" + source + ") is not valid: " + String.join("; ", problems),
              "use the descriptor the layer project's build wrote: package and publish the layer"
                  + " project again and install (or deploy) it; never edit a descriptor by hand"));
    }
  }

  /** Every problem of {@code d}, each naming its JSON path; empty when it is valid. */
  public static List<String> problems(LayerDescriptor d) {
    List<String> problems = new ArrayList<>();
    if (!LAYER_NAME.matcher(d.name()).matches()) {
      problems.add("$.name '" + d.name() + "' is not a Lambda layer name ([a-zA-Z0-9-_], 1-140)");
    }
    boolean hex = HEX_SHA256.matcher(d.sha256()).matches();
    if (!hex) {
      problems.add("$.sha256 is not a SHA-256 digest (64 lowercase hex digits)");
    }
    byte[] code = base64Sha256(d.codeSha256());
    if (code == null) {
      problems.add("$.codeSha256 is not a SHA-256 digest (base64 of 32 bytes)");
    } else if (hex && !HexFormat.of().formatHex(code).equals(d.sha256())) {
      problems.add("$.codeSha256 and $.sha256 are not the same digest");
    }
    if (d.unzippedBytes() <= 0 || d.unzippedBytes() > LambdaLimits.MAX_UNZIPPED_BYTES) {
      problems.add(
          "$.unzippedBytes "
              + d.unzippedBytes()
              + " is not a plausible layer size (1 to Lambda's "
              + LambdaLimits.MAX_UNZIPPED_BYTES
              + " bytes)");
    }
    for (int i = 0; i < d.libraries().size(); i++) {
      Lockfile.Library library = d.libraries().get(i);
      if (library.sha256() != null && !HEX_SHA256.matcher(library.sha256()).matches()) {
        problems.add("$.libraries[" + i + "].sha256 is not a SHA-256 digest");
      }
      if (library.size() != null && library.size() < 0) {
        problems.add("$.libraries[" + i + "].size is negative");
      }
    }
    for (int i = 0; i < d.published().size(); i++) {
      published(d, i, problems);
    }
    return problems;
  }

  private static void published(LayerDescriptor d, int i, List<String> problems) {
    Lockfile.Published p = d.published().get(i);
    String path = "$.published[" + i + "]";
    if (!REGION.matcher(p.region()).matches()) {
      problems.add(path + ".region '" + p.region() + "' is not an AWS region name");
    }
    if (!ACCOUNT.matcher(p.account()).matches()) {
      problems.add(path + ".account '" + p.account() + "' is not a 12-digit account id");
    }
    if (p.codeSha256() != null && !p.codeSha256().equals(d.codeSha256())) {
      problems.add(path + ".codeSha256 is not the layer's $.codeSha256");
    }
    LayerVersionArn arn = LayerVersionArn.parse(p.layerVersionArn()).orElse(null);
    if (arn == null) {
      problems.add(
          path
              + ".layerVersionArn '"
              + p.layerVersionArn()
              + "' is not a layer version ARN"
              + " (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)");
      return;
    }
    if (!arn.region().equals(p.region())) {
      problems.add(
          path + ".layerVersionArn is in " + arn.region() + ", but its region is " + p.region());
    }
    if (!arn.account().equals(p.account())) {
      problems.add(
          path
              + ".layerVersionArn belongs to account "
              + arn.account()
              + ", but its account is "
              + p.account());
    }
    if (!arn.layerName().equals(d.name())) {
      problems.add(
          path + ".layerVersionArn names layer '" + arn.layerName() + "', not '" + d.name() + "'");
    }
    if (arn.version() != p.version()) {
      problems.add(
          path
              + ".layerVersionArn is version "
              + arn.version()
              + ", but its version is "
              + p.version());
    }
  }

  /** The 32 bytes of a base64 SHA-256 digest, or null when {@code text} is not one. */
  private static byte[] base64Sha256(String text) {
    if (text == null || text.length() != 44) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return bytes.length == 32 ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
