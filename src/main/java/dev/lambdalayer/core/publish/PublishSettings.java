package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.BuiltZip;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and how to publish.
 *
 * @param regions the regions, first one first (it names the default ARN property)
 * @param s3Bucket the bucket for zips over 50 MB; {@code {region}} is replaced by each region's
 *     name, as a bucket must be in the region it serves; may be null
 * @param licenseInfo the layer versions' {@code LicenseInfo}; may be null
 * @param shares who may use the layer versions
 */
public record PublishSettings(
    List<String> regions, String s3Bucket, String licenseInfo, List<Share> shares) {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  public PublishSettings {
    regions = List.copyOf(new LinkedHashSet<>(regions));
    shares = List.copyOf(shares);
  }

  /** What every goal that talks to AWS says when it has no region, with how to give one. */
  public static Violation noRegion(String problem) {
    return new Violation(
        Setting.REGIONS,
        "",
        problem,
        "name one, e.g. eu-west-1, or set AWS_REGION, or a region in your AWS profile");
  }

  /**
   * Checks the settings before anything is called.
   *
   * @param function the function zip to deploy, or null when no function is deployed
   */
  public List<Violation> check(List<LayerToPublish> layers, BuiltZip function) {
    List<Violation> violations = new ArrayList<>();
    if (regions.isEmpty()) {
      violations.add(noRegion("no region is configured and the AWS SDK found none"));
    }
    for (String region : regions) {
      if (!REGION.matcher(region).matches()) {
        violations.add(
            new Violation(
                Setting.REGIONS,
                region,
                "is not an AWS region name",
                "use names such as us-east-1 or eu-central-1"));
      }
    }
    if (licenseInfo != null && licenseInfo.length() > 512) {
      violations.add(
          new Violation(
              Setting.LICENSE_INFO,
              licenseInfo.substring(0, 40) + "...",
              "is longer than Lambda's 512 characters",
              "use an SPDX id or a URL"));
    }
    for (LayerToPublish layer : layers) {
      if (layer.needsS3() && (s3Bucket == null || s3Bucket.isBlank())) {
        violations.add(
            new Violation(
                Setting.S3_BUCKET,
                "",
                "layer '"
                    + layer.name()
                    + "' is "
                    + layer.zippedBytes()
                    + " bytes zipped, over Lambda's 50 MB limit for direct upload",
                "name an S3 bucket in each target region, e.g."
                    + " <s3Bucket>my-artifacts-{region}</s3Bucket>"));
      }
    }
    if (function != null && function.needsS3() && (s3Bucket == null || s3Bucket.isBlank())) {
      violations.add(
          new Violation(
              Setting.S3_BUCKET,
              "",
              "the function zip is over Lambda's 50 MB limit for direct upload",
              "name an S3 bucket in each target region"));
    }
    return violations;
  }

  /** The bucket for one region. */
  public String bucket(String region) {
    return s3Bucket == null ? null : s3Bucket.replace("{region}", region);
  }
}
