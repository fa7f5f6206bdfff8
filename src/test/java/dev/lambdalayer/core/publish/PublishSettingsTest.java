package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.BuiltZip;
import dev.lambdalayer.core.zip.WrittenZip;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishSettingsTest {

  private static final long OVER_DIRECT_UPLOAD = LambdaLimits.MAX_DIRECT_UPLOAD_BYTES + 1;

  private static BuiltZip function(long zippedBytes) {
    return new BuiltZip(
        "hello",
        new WrittenZip(Path.of("hello-function.zip"), zippedBytes, zippedBytes, 1, "a".repeat(64)),
        List.of(),
        false);
  }

  private static LayerToPublish layer(long zippedBytes) {
    return new LayerToPublish(
        "big",
        Path.of("big.zip"),
        "b".repeat(64),
        zippedBytes,
        zippedBytes,
        List.of("java21"),
        List.of("x86_64"));
  }

  private static PublishSettings settings(String bucket) {
    return new PublishSettings(List.of("eu-west-1"), bucket, null, List.of());
  }

  @Test
  void aFunctionZipOverTheDirectUploadLimitNeedsABucketAfterTheLayersDo() {
    List<Violation> violations =
        settings(null).check(List.of(layer(OVER_DIRECT_UPLOAD)), function(OVER_DIRECT_UPLOAD));
    assertThat(violations)
        .extracting(Violation::setting, Violation::problem)
        .containsExactly(
            tuple(
                Setting.S3_BUCKET,
                "layer 'big' is 52428801 bytes zipped, over Lambda's 50 MB limit for direct"
                    + " upload"),
            tuple(
                Setting.S3_BUCKET,
                "the function zip is over Lambda's 50 MB limit for direct upload"));
  }

  @Test
  void aBucketOrNoFunctionToDeployIsFine() {
    assertThat(settings("artifacts-{region}").check(List.of(), function(OVER_DIRECT_UPLOAD)))
        .isEmpty();
    assertThat(settings(null).check(List.of(), null)).isEmpty();
    assertThat(settings(null).check(List.of(), function(1_000))).isEmpty();
  }
}
