package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.Environment;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.port.AwsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS parameters as a goal read them ({@code <regions>}, {@code <region>}, {@code <profile>},
 * {@code <endpoint>}, {@code <function>}, {@code <retryMode>}, {@code <maxAttempts>}, {@code
 * <allowUnknownRegion>}), turned into core values the same way for every goal that calls AWS; an
 * {@code <environment>}'s settings replace the flat ones it sets ({@link #in}).
 *
 * @param roleArn the role to assume; only an environment sets one
 * @param environment the selected environment's name; null for the flat settings
 */
record AwsParameters(
    List<String> regions,
    String region,
    String profile,
    String endpoint,
    String function,
    String retryMode,
    int maxAttempts,
    boolean allowUnknownRegion,
    String roleArn,
    String environment) {

  AwsParameters(
      List<String> regions,
      String region,
      String profile,
      String endpoint,
      String function,
      String retryMode,
      int maxAttempts,
      boolean allowUnknownRegion) {
    this(
        regions,
        region,
        profile,
        endpoint,
        function,
        retryMode,
        maxAttempts,
        allowUnknownRegion,
        null,
        null);
  }

  /** These parameters with what {@code environment} sets in their place; null changes nothing. */
  AwsParameters in(Environment environment) {
    if (environment == null) {
      return this;
    }
    return new AwsParameters(
        environment.regions().isEmpty() ? regions : environment.regions(),
        environment.regions().isEmpty() ? region : null,
        environment.profile() != null ? environment.profile() : profile,
        environment.endpoint() != null ? environment.endpoint() : endpoint,
        environment.function() != null ? environment.function() : function,
        retryMode,
        maxAttempts,
        allowUnknownRegion,
        environment.roleArn(),
        environment.name());
  }

  /** {@code <regions>}, else {@code <region>}; may be empty (the core then asks the SDK). */
  List<String> configuredRegions() {
    List<String> out = new ArrayList<>(PomValues.trimmed(regions, Setting.REGIONS));
    if (out.isEmpty() && PomValues.blankToNull(region) != null) {
      out.add(region.trim());
    }
    return out;
  }

  /** {@code <function>}, trimmed; null when unset or blank. */
  String functionName() {
    return PomValues.blankToNull(function);
  }

  AwsSettings settings() {
    return new AwsSettings(
        PomValues.blankToNull(profile),
        PomValues.blankToNull(endpoint),
        retryMode,
        maxAttempts,
        Duration.ofMinutes(15),
        Duration.ofMinutes(5),
        allowUnknownRegion,
        roleArn,
        // STS in the environment's own region: the right partition, wherever the profile points.
        configuredRegions().stream().findFirst().orElse(null));
  }
}
