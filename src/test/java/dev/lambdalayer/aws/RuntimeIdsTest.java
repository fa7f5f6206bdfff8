package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.LambdaRuntime;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Every id of the runtime table is one the AWS SDK's Lambda model knows as a value of {@code
 * CompatibleRuntimes}: a typo in the table, or an SDK too old for a new runtime, fails here rather
 * than at PublishLayerVersion.
 */
class RuntimeIdsTest {

  @Test
  void everyRuntimeIdIsAValueOfTheSdksRuntimeEnum() {
    for (LambdaRuntime runtime : LambdaRuntime.values()) {
      assertThat(Runtime.fromValue(runtime.id()))
          .as(runtime.id())
          .isNotEqualTo(Runtime.UNKNOWN_TO_SDK_VERSION);
      assertThat(Runtime.fromValue(runtime.id()).toString()).isEqualTo(runtime.id());
    }
    assertThat(Runtime.fromValue("java99")).isEqualTo(Runtime.UNKNOWN_TO_SDK_VERSION);
  }
}
