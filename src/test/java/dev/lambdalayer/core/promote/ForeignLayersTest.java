package dev.lambdalayer.core.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Lockfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Promotion republishes only the project's own layers; any other layer keeps its ARN. */
class ForeignLayersTest {

  private static final String OWN = "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3";
  private static final String SHARED = "arn:aws:lambda:eu-west-1:999999999999:layer:platform:7";
  private static final String EXTENSION =
      "arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension:38";

  private static final Lockfile.Deployment RECORD =
      new Lockfile.Deployment(
          "staging",
          "eu-west-1",
          List.of(new Lockfile.DeployedLayer("deps", OWN, "HASH=")),
          new Lockfile.DeployedFunction(
              "hello", "live", "4", "CODE=", List.of(SHARED, OWN, EXTENSION)));

  @Test
  void theLayersTheRecordDoesNotMarkAsOwnAreForeign() {
    assertThat(ForeignLayers.of(RECORD)).containsExactly(SHARED, EXTENSION);
  }

  @Test
  void aLayerProjectHasNoForeignLayers() {
    Lockfile.Deployment layersOnly =
        new Lockfile.Deployment("staging", "eu-west-1", RECORD.layers(), null);
    assertThat(ForeignLayers.of(layersOnly)).isEmpty();
  }

  @Test
  void aForeignLayerInTheTargetRegionIsKept() {
    ForeignLayers.requireInRegions(List.of(SHARED, EXTENSION), List.of("eu-west-1"));
  }

  @Test
  void aForeignLayerInAnotherRegionIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                ForeignLayers.requireInRegions(
                    List.of(SHARED, EXTENSION), List.of("eu-west-1", "us-east-1")))
        .isInstanceOfSatisfying(
            PromoteRefusedException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(PromoteRefusedException.Reason.FOREIGN_LAYER_OTHER_REGION);
              assertThat(e.problems()).hasSize(2);
              assertThat(e.problems().get(0))
                  .contains(SHARED)
                  .contains("[us-east-1]")
                  .contains("promotion cannot move a layer it does not own across regions");
            });
  }

  @Test
  void theDryRunKeepsForeignLayersAndDownloadsOnlyOwnOnes() {
    List<String> lines =
        PromotionDryRun.lines(List.of(RECORD), "prod", List.of("eu-west-1"), "hello-prod", "live");
    assertThat(lines).anyMatch(l -> l.contains("download layer version " + OWN));
    assertThat(lines).noneMatch(l -> l.contains("download layer version " + SHARED));
    assertThat(lines).anyMatch(l -> l.startsWith("prod eu-west-1: keep " + EXTENSION));
    assertThat(lines).noneMatch(l -> l.contains("PublishLayerVersion platform"));
  }
}
