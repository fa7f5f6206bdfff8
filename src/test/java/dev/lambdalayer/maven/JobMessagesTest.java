package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.publish.FunctionUpdates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The POM wording that the maven package adds to the core's typed errors. */
class JobMessagesTest {

  @Test
  void aFixNamesTheRelatedSettingAsTheUserWritesIt() {
    String message =
        SettingNames.describe(
            new InvalidConfigurationException(
                new Violation(
                    Setting.DEPENDENCIES,
                    "300 bytes",
                    "too big",
                    "leave out what the runtime provides",
                    Setting.RUNTIME_PROVIDED)));
    assertThat(message)
        .isEqualTo(
            "Invalid Lambda configuration:\n  - the project's <dependencies> '300 bytes': too big."
                + " Fix: leave out what the runtime provides; see <runtimeProvided>"
                + " (-Dlambda.runtimeProvided).");
  }

  @Test
  void anAwsFailureNamesTheSettingsThatFixItsKind() {
    assertThat(JobMessages.awsCall(failure(AwsCallException.Kind.REGION)))
        .contains("or a region in the profile. The regions: <regions> (-Dlambda.regions)")
        .endsWith("one region: <region> (-Dlambda.region).");
    assertThat(JobMessages.awsCall(failure(AwsCallException.Kind.CREDENTIALS)))
        .endsWith(". The profile: <profile> (-Dlambda.profile).");
    assertThat(JobMessages.awsCall(failure(AwsCallException.Kind.TIMEOUT)))
        .isEqualTo(
            "UpdateFunctionCode for f in eu-west-1 failed: slow. Allow more time with"
                + " <updateTimeout> (-Dlambda.updateTimeout).");
    assertThat(JobMessages.awsCall(failure(AwsCallException.Kind.OTHER)))
        .isEqualTo("UpdateFunctionCode for f in eu-west-1 failed: slow");
  }

  @Test
  void anUpdateTimeoutNamesTheSettingOnce() {
    FunctionUpdates updates =
        new FunctionUpdates(new InMemoryAws(), Duration.ZERO, Duration.ofMillis(1), line -> {});
    AwsCallException timeout =
        catchThrowableOfType(
            AwsCallException.class,
            () ->
                updates.whenNoUpdateRuns(
                    "eu-west-1",
                    "f",
                    () -> {
                      throw new AwsCallException(
                          "UpdateFunctionCode",
                          "f",
                          "eu-west-1",
                          "ResourceConflictException",
                          AwsCallException.Kind.CONFLICT,
                          null);
                    }));
    assertThat(JobMessages.awsCall(timeout))
        .contains("update timeout (0 s) ran out")
        .doesNotContain("raise it")
        .endsWith("Allow more time with <updateTimeout> (-Dlambda.updateTimeout).");
  }

  @Test
  void offlineSaysWhatToDoInstead() {
    assertThat(JobMessages.offline("lambda:prune", " (a dry run lists them too)", ""))
        .isEqualTo(
            "lambda:prune needs the network to reach AWS (a dry run lists them too), but Maven"
                + " runs offline (-o). Run it without -o.");
  }

  private static AwsCallException failure(AwsCallException.Kind kind) {
    return new AwsCallException("UpdateFunctionCode", "f", "eu-west-1", "slow", kind, null);
  }
}
