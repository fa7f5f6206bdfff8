package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.AwsSettings;
import java.util.List;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * {@link AwsPorts} over the AWS SDK for Java v2: the only class of this package that Maven sees,
 * injected into the goals that call AWS by its core interface.
 */
@Named
@Singleton
public final class SdkAwsPorts implements AwsPorts {

  @Override
  public AwsSession open(AwsSettings settings) {
    return new SdkAwsSession(new AwsClients(settings));
  }

  /** As {@link AwsPorts#regions}, refusing names the SDK does not know before any call. */
  @Override
  public List<String> regions(List<String> configured, AwsSettings settings) {
    List<String> regions = AwsPorts.super.regions(configured, settings);
    KnownRegions.check(regions, settings.allowUnknownRegion());
    return regions;
  }

  @Override
  public Optional<String> defaultRegion(String profile) {
    return AwsClients.defaultRegion(profile);
  }
}
