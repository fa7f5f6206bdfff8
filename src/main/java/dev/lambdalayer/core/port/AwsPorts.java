package dev.lambdalayer.core.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens connections to AWS: the one way the goals reach it, injected, so a test can hand them an
 * in-memory AWS instead of the SDK.
 */
public interface AwsPorts {

  /** Clients for {@code settings}; the caller closes the session when done. */
  AwsSession open(AwsSettings settings);

  /** The region of the SDK's chain (AWS_REGION, the profile, instance metadata), if any. */
  Optional<String> defaultRegion(String profile);

  /**
   * The configured regions, else (none configured) the region of the SDK's chain; may be empty.
   *
   * @param settings its profile's region counts; an adapter may refuse names it does not know
   *     unless {@link AwsSettings#allowUnknownRegion()}
   */
  default List<String> regions(List<String> configured, AwsSettings settings) {
    List<String> out = new ArrayList<>(configured);
    if (out.isEmpty()) {
      defaultRegion(settings.profile()).ifPresent(out::add);
    }
    return out;
  }
}
