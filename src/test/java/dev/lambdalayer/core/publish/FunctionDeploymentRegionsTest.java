package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.InMemoryAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several regions: nothing changes before every region is checked, no alias before every version.
 */
class FunctionDeploymentRegionsTest {

  private static final String A = "eu-west-1";
  private static final String B = "us-east-1";

  @TempDir Path dir;

  private FunctionToDeploy function(Boolean snapStart) throws Exception {
    byte[] bytes = "function zip".getBytes();
    Path zip = Files.write(dir.resolve("hello.zip"), bytes);
    return new FunctionToDeploy(
        "hello", zip, Hashes.sha256Hex(bytes), bytes.length, 100, "live", Set.of(), snapStart);
  }

  private static List<DeployedFunction> deploy(InMemoryAws aws, FunctionToDeploy fn)
      throws InterruptedException {
    aws.createFunction(A, "hello");
    aws.createFunction(B, "hello");
    return new FunctionDeployment(
            aws,
            new PublishSettings(List.of(A, B), null, null, List.of()),
            new FunctionDeployment.Timing(Duration.ofSeconds(5), Duration.ofMillis(10)),
            line -> {})
        .deploy(fn, Map.of(), arn -> Set.of(), Set.of());
  }

  @Test
  void aFailedWaitInOneRegionLeavesEveryAliasWhereItWas() throws Exception {
    InMemoryAws aws =
        new InMemoryAws() {
          @Override
          public void awaitVersionActive(
              String region, String function, String version, Duration timeout, Duration poll) {
            if (B.equals(region)) {
              // Long enough for region A to move its alias, were it allowed to.
              sleep(300);
              throw new AwsCallException(
                  "GetFunctionConfiguration",
                  "function 'hello'",
                  region,
                  "still Pending",
                  AwsCallException.Kind.TIMEOUT,
                  null);
            }
            super.awaitVersionActive(region, function, version, timeout, poll);
          }
        };

    assertThatThrownBy(() -> deploy(aws, function(true))).isInstanceOf(AwsCallException.class);

    assertThat(aws.calls("PublishVersion")).hasSize(2);
    assertThat(aws.calls("UpdateAlias")).isEmpty();
    assertThat(aws.aliasVersion(A, "hello", "live")).isNull();
  }

  @Test
  void snapStartSetOutsideThePomIsWaitedForBeforeTheAliasMoves() throws Exception {
    InMemoryAws aws = new InMemoryAws();
    aws.createFunction(A, "hello");
    aws.createFunction(B, "hello");
    aws.updateSnapStart(B, "hello", true);

    deploy(aws, function(null));

    List<String> calls = aws.calls();
    int waited = calls.indexOf("GetFunctionConfiguration " + B + " hello:1");
    assertThat(waited)
        .isNotNegative()
        .isLessThan(calls.indexOf("UpdateAlias " + B + " hello:live"));
    assertThat(calls).doesNotContain("GetFunctionConfiguration " + A + " hello:1");
    assertThat(aws.snapStartApplyOn(B, "hello")).isEqualTo("PublishedVersions");
  }

  @Test
  void aJava8FunctionInOneRegionIsRefusedBeforeAnyRegionChanges() throws Exception {
    InMemoryAws aws =
        new InMemoryAws() {
          @Override
          public FunctionState getFunction(String region, String function) {
            if (B.equals(region)) {
              // Region A, unchecked, would be updated meanwhile.
              sleep(300);
            }
            return super.getFunction(region, function);
          }
        };
    aws.createFunction(B, "hello");
    aws.setFunctionRuntime(B, "hello", "java8.al2");

    assertThatThrownBy(() -> deploy(aws, function(true)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(B);

    assertThat(aws.calls()).allMatch(c -> c.startsWith("GetFunctionConfiguration "));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
