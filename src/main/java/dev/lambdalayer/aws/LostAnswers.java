package dev.lambdalayer.aws;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts, from the SDK's own metrics, the attempts of one call that got no HTTP answer (a dropped
 * connection, an attempt timeout) and were retried: such an attempt may have taken effect on the
 * server all the same, so a retried {@code PublishLayerVersion} may have created two versions.
 */
final class LostAnswers implements MetricPublisher {

  private final AtomicInteger lostAnswers = new AtomicInteger();

  @Override
  public void publish(MetricCollection call) {
    int lost = 0;
    for (MetricCollection attempt : call.children()) {
      if (attempt.metricValues(HttpMetric.HTTP_STATUS_CODE).isEmpty()) {
        lost++;
      }
    }
    lostAnswers.set(lost);
  }

  /** The attempts that got no answer; 0 when the first attempt was answered. */
  int lostAnswers() {
    return lostAnswers.get();
  }

  @Override
  public void close() {
    // nothing held
  }
}
