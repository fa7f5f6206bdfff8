package dev.lambdalayer.aws;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/**
 * Refuses region names the AWS SDK does not know, before any call: a typo such as {@code
 * eu-nowhere-9} would otherwise be tried with every retry against an endpoint that does not exist.
 * A region newer than the plugin's SDK is let through with {@code <allowUnknownRegion>}.
 */
final class KnownRegions {

  private static final Set<String> KNOWN =
      Region.regions().stream().map(Region::id).collect(Collectors.toUnmodifiableSet());

  private KnownRegions() {}

  /**
   * @throws InvalidConfigurationException naming each region the SDK does not know, unless {@code
   *     allowUnknown}
   */
  static void check(Collection<String> regions, boolean allowUnknown) {
    if (allowUnknown) {
      return;
    }
    List<Violation> violations = new ArrayList<>();
    for (String region : regions) {
      if (!KNOWN.contains(region)) {
        violations.add(
            new Violation(
                Setting.REGIONS,
                region,
                "is not a region the AWS SDK knows (of "
                    + KNOWN.size()
                    + ", e.g. eu-west-1, us-east-1)",
                "correct <regions> / -Dlambda.regions (or <region> / -Dlambda.region); for a"
                    + " region newer than this plugin's AWS SDK, set <allowUnknownRegion>true"
                    + " (-Dlambda.allowUnknownRegion=true)"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
  }
}
