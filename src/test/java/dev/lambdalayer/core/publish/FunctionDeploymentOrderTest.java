package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.InMemoryAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which of UpdateFunctionCode and UpdateFunctionConfiguration runs first, and why. */
class FunctionDeploymentOrderTest {

  private static final String REGION = "eu-west-1";
  private static final String LAYERS = "arn:aws:lambda:eu-west-1:123456789012:layer:";
  private static final long MB = 1_000_000L;

  /** Records the calls in order; every update settles on the next read. */
  private static final class RecordingDeployer extends InMemoryAws {
    final List<String> calls = new ArrayList<>();
    String codeSha256;
    long codeSize;
    List<String> layers;

    RecordingDeployer(String codeSha256, long codeSize, List<String> layers) {
      this.codeSha256 = codeSha256;
      this.codeSize = codeSize;
      this.layers = layers;
    }

    @Override
    public FunctionState getFunction(String region, String function) {
      calls.add("GetFunctionConfiguration");
      return new FunctionState(
          "arn:aws:lambda:eu-west-1:123456789012:function:" + function,
          codeSha256,
          codeSize,
          layers.stream().map(a -> new LayerRef(a, 0)).toList(),
          "Successful",
          null);
    }

    @Override
    public void updateCode(String region, String function, Code code) {
      calls.add("UpdateFunctionCode");
    }

    @Override
    public void updateLayers(String region, String function, List<String> layerVersionArns) {
      calls.add("UpdateFunctionConfiguration " + layerVersionArns);
      layers = layerVersionArns;
    }
  }

  private static FunctionToDeploy function(long unzippedBytes) {
    return new FunctionToDeploy(
        "hello", Path.of("hello.zip"), "b".repeat(64), 1000, unzippedBytes, null);
  }

  private static PublishedLayer published(String name, long version) {
    return new PublishedLayer(
        name,
        REGION,
        "123456789012",
        LAYERS + name + ":" + version,
        version,
        "c".repeat(64),
        "C=",
        PublishedLayer.Outcome.PUBLISHED,
        0);
  }

  private static FunctionDeployment deployment(RecordingDeployer aws, Map<String, Long> sizes) {
    FunctionDeployment deployment =
        new FunctionDeployment(
            aws,
            new PublishSettings(List.of(REGION), null, null, List.of()),
            new FunctionDeployment.Timing(Duration.ofSeconds(5), Duration.ofMillis(1)),
            line -> {});
    deployment.layerSizes(sizes);
    return deployment;
  }

  private static List<String> updates(RecordingDeployer aws) {
    return aws.calls.stream().filter(c -> c.startsWith("Update")).toList();
  }

  @Test
  void aNewLibraryInALayerGoesLayersFirst() {
    RecordingDeployer aws = new RecordingDeployer("OLD=", 5 * MB, List.of(LAYERS + "jackson:1"));
    DeployedFunction done =
        deployment(aws, Map.of("jackson", 10 * MB))
            .update(
                function(5 * MB),
                REGION,
                List.of(published("jackson", 2)),
                arn -> Set.of("com.fasterxml.jackson.core:jackson-databind"),
                Set.of());
    assertThat(updates(aws))
        .containsExactly(
            "UpdateFunctionConfiguration [" + LAYERS + "jackson:2]", "UpdateFunctionCode");
    assertThat(done.order()).startsWith("layers first");
    // Each update is waited for before the next call.
    assertThat(aws.calls)
        .containsExactly(
            "GetFunctionConfiguration",
            "UpdateFunctionConfiguration [" + LAYERS + "jackson:2]",
            "GetFunctionConfiguration",
            "UpdateFunctionCode",
            "GetFunctionConfiguration");
  }

  @Test
  void aLibraryMovingFromALayerIntoTheFunctionGoesCodeFirst() {
    // jackson:1 carried slf4j-api; the new plan keeps slf4j-api in the function's lib/ and
    // replaces the layer by jackson:2 without it.
    Function<String, Set<String>> layerLibraries =
        arn ->
            arn.equals(LAYERS + "jackson:1")
                ? Set.of("com.fasterxml.jackson.core:jackson-databind", "org.slf4j:slf4j-api")
                : Set.of();
    RecordingDeployer aws = new RecordingDeployer("OLD=", 5 * MB, List.of(LAYERS + "jackson:1"));
    DeployedFunction done =
        deployment(aws, Map.of("jackson", 10 * MB))
            .update(
                function(6 * MB),
                REGION,
                List.of(published("jackson", 2)),
                layerLibraries,
                Set.of("org.slf4j:slf4j-api"));
    assertThat(updates(aws))
        .containsExactly(
            "UpdateFunctionCode", "UpdateFunctionConfiguration [" + LAYERS + "jackson:2]");
    assertThat(done.order())
        .isEqualTo(
            "code first: org.slf4j:slf4j-api moves from layer "
                + LAYERS
                + "jackson:1 into the function, so the old code must not lose that layer first");
  }

  @Test
  void codeGoesFirstWhenOnlyThatIntermediateStateFitsLambdasSizeLimit() {
    // The old function carries 200 MB of libraries that move into a new 150 MB layer: old code
    // with the new layer would be 350 MB; the new 10 MB code with the old 5 MB layer fits.
    FunctionReader.FunctionState state =
        new FunctionReader.FunctionState(
            "arn",
            "OLD=",
            200 * MB,
            List.of(new FunctionReader.LayerRef(LAYERS + "base:1", 5 * MB)),
            "Successful",
            null);
    FunctionDeployment.Order order =
        FunctionDeployment.order(
            state,
            function(10 * MB),
            List.of(LAYERS + "base:2"),
            Map.of(LAYERS + "base:2", 150 * MB),
            arn -> Set.of(),
            Set.of());
    assertThat(order.codeFirst()).isTrue();
    assertThat(order.reason())
        .isEqualTo(
            "code first: old code with the new layers would be about 350,000,000 bytes unzipped,"
                + " over Lambda's 262,144,000");
  }

  @Test
  void layersGoFirstWhenOnlyThatIntermediateStateFits() {
    // The reverse: a 150 MB layer's libraries move into the function. New code with the old
    // layer would be over the limit, old code with the new small layer fits.
    FunctionReader.FunctionState state =
        new FunctionReader.FunctionState(
            "arn",
            "OLD=",
            10 * MB,
            List.of(new FunctionReader.LayerRef(LAYERS + "base:1", 150 * MB)),
            "Successful",
            null);
    FunctionDeployment.Order order =
        FunctionDeployment.order(
            state,
            function(200 * MB),
            List.of(LAYERS + "base:2"),
            Map.of(LAYERS + "base:2", 5 * MB),
            arn -> Set.of("big:lib"),
            Set.of("big:lib"));
    assertThat(order.codeFirst()).isFalse();
    assertThat(order.reason())
        .startsWith("layers first: new code with the old layers would be about 350,000,000 bytes")
        .contains("big:lib");
  }

  @Test
  void onlyTheCodeOrOnlyTheLayersChangedMakesOneUpdate() {
    RecordingDeployer aws =
        new RecordingDeployer(
            Hashes.toBase64("b".repeat(64)), 5 * MB, List.of(LAYERS + "jackson:1"));
    DeployedFunction done =
        deployment(aws, Map.of())
            .update(
                function(5 * MB),
                REGION,
                List.of(published("jackson", 2)),
                arn -> Set.of(),
                Set.of());
    assertThat(updates(aws))
        .containsExactly("UpdateFunctionConfiguration [" + LAYERS + "jackson:2]");
    assertThat(done.codeUpdated()).isFalse();
    assertThat(done.order()).isEqualTo("layers only");

    RecordingDeployer codeOnly =
        new RecordingDeployer("OLD=", 5 * MB, List.of(LAYERS + "jackson:2"));
    DeployedFunction code =
        deployment(codeOnly, Map.of())
            .update(
                function(5 * MB),
                REGION,
                List.of(published("jackson", 2)),
                arn -> Set.of(),
                Set.of());
    assertThat(updates(codeOnly)).containsExactly("UpdateFunctionCode");
    assertThat(code.order()).isEqualTo("code only");
  }

  @Test
  void layersThisPluginDoesNotManageKeepTheirPlace() {
    String other = "arn:aws:lambda:eu-west-1:999999999999:layer:extension:4";
    assertThat(
            FunctionDeployment.layerList(
                List.of(other, LAYERS + "jackson:1"),
                List.of(published("jackson", 2), published("slf4j", 1)),
                Set.of()))
        .containsExactly(other, LAYERS + "jackson:2", LAYERS + "slf4j:1");
  }

  @Test
  void aHandReorderedListIsPutBackInPlanOrderAroundTheLayersOfOthers() {
    String other = "arn:aws:lambda:eu-west-1:999999999999:layer:extension:4";
    assertThat(
            FunctionDeployment.layerList(
                List.of(LAYERS + "slf4j:1", other, LAYERS + "jackson:1"),
                List.of(published("jackson", 2), published("slf4j", 1), published("aws", 3)),
                Set.of()))
        .containsExactly(LAYERS + "jackson:2", other, LAYERS + "slf4j:1", LAYERS + "aws:3");
  }

  @Test
  void aLayerRemovedFromThePomLeavesTheFunction() {
    String other = "arn:aws:lambda:eu-west-1:999999999999:layer:extension:4";
    assertThat(
            FunctionDeployment.layerList(
                List.of(LAYERS + "old-name:3", other, LAYERS + "jackson:1"),
                List.of(published("jackson", 2)),
                Set.of(LAYERS + "old-name")))
        .containsExactly(other, LAYERS + "jackson:2");
  }
}
