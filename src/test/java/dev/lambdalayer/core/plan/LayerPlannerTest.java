package dev.lambdalayer.core.plan;

import static dev.lambdalayer.core.model.TestFiles.PROJECT;
import static dev.lambdalayer.core.model.TestFiles.artifact;
import static dev.lambdalayer.core.model.TestFiles.names;
import static dev.lambdalayer.core.model.TestFiles.reactorModule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerPlannerTest {

  private static LayerRule rule(String name, boolean transitive, String... includes) {
    return rule(name, transitive, List.of(includes), List.of());
  }

  private static LayerRule rule(
      String name, boolean transitive, List<String> includes, List<String> excludes) {
    return new LayerRule(
        name,
        patterns(includes, Setting.LAYER_INCLUDES),
        patterns(excludes, Setting.LAYER_EXCLUDES),
        transitive);
  }

  private static List<ArtifactPattern> patterns(List<String> texts, Setting setting) {
    return texts.stream().map(t -> ArtifactPattern.parse(t, setting)).toList();
  }

  private static LayerPlan plan(List<LayerRule> rules, ResolvedArtifact... artifacts) {
    return plan(rules, List.of(), artifacts);
  }

  private static LayerPlan plan(
      List<LayerRule> rules, List<String> provided, ResolvedArtifact... artifacts) {
    return LayerPlanner.of(rules, patterns(provided, Setting.RUNTIME_PROVIDED), "my-function")
        .plan(new DependencyGraph(PROJECT, Arrays.asList(artifacts)));
  }

  private static List<String> layer(LayerPlan plan, String name) {
    return names(
        plan.layers().stream()
            .filter(l -> l.name().equals(name))
            .findFirst()
            .orElseThrow()
            .libraries());
  }

  @Test
  void firstMatchingRuleWins() {
    LayerPlan plan =
        plan(
            List.of(
                rule("jackson", true, "com.fasterxml.jackson.core:jackson-databind"),
                rule("everything-fasterxml", true, "com.fasterxml.*:*")),
            artifact("com.fasterxml.jackson.core:jackson-databind:2.18.2"),
            artifact("com.fasterxml.jackson.core:jackson-core:2.18.2"));

    assertThat(plan.layers())
        .extracting(PlannedLayer::name)
        .containsExactly("jackson", "everything-fasterxml");
    assertThat(layer(plan, "jackson")).containsExactly("jackson-databind");
    assertThat(layer(plan, "everything-fasterxml")).containsExactly("jackson-core");
    assertThat(plan.functionLibraries()).isEmpty();
  }

  @Test
  void ruleOrderDecidesNotGraphOrder() {
    LayerPlan plan =
        plan(
            List.of(rule("first", true, "org.example:*"), rule("second", true, "org.example:a")),
            artifact("org.example:a:1"));

    assertThat(layer(plan, "first")).containsExactly("a");
    assertThat(layer(plan, "second")).isEmpty();
  }

  @Test
  void excludedLibraryFallsToTheNextRuleOrTheFunction() {
    LayerPlan plan =
        plan(
            List.of(
                rule(
                    "aws",
                    true,
                    List.of("software.amazon.awssdk:*"),
                    List.of("software.amazon.awssdk:s3")),
                rule("s3", true, "software.amazon.awssdk:s3")),
            artifact("software.amazon.awssdk:dynamodb:2.30.0"),
            artifact("software.amazon.awssdk:s3:2.30.0"),
            artifact("org.example:other:1"));

    assertThat(layer(plan, "aws")).containsExactly("dynamodb");
    assertThat(layer(plan, "s3")).containsExactly("s3");
    assertThat(names(plan.functionLibraries())).containsExactly("other");
  }

  @Test
  void excludeAlsoStopsTransitiveInheritance() {
    LayerPlan plan =
        plan(
            List.of(rule("sdk", true, List.of("software.amazon.awssdk:s3"), List.of("io.netty:*"))),
            artifact("software.amazon.awssdk:s3:2.30.0"),
            artifact("io.netty:netty-codec:4.1.0", "software.amazon.awssdk:s3:2.30.0"),
            artifact(
                "org.reactivestreams:reactive-streams:1.0.4", "software.amazon.awssdk:s3:2.30.0"));

    assertThat(layer(plan, "sdk")).containsExactly("s3", "reactive-streams");
    assertThat(names(plan.functionLibraries())).containsExactly("netty-codec");
  }

  @Test
  void transitiveDependenciesFollowTheNearestDirectlyMatchedAncestor() {
    String s3 = "software.amazon.awssdk:s3:2.30.0";
    String core = "software.amazon.awssdk:sdk-core:2.30.0";
    String jackson = "com.fasterxml.jackson.core:jackson-core:2.18.2";
    LayerPlan plan =
        plan(
            List.of(
                rule("aws", true, "software.amazon.awssdk:s3"),
                rule("json", true, "com.fasterxml.jackson.core:*")),
            artifact(s3),
            artifact(core, s3), // no rule matches: inherits from s3 -> aws
            artifact(jackson, s3, core), // matched directly by json: stays in json
            artifact("org.slf4j:slf4j-api:2.0.0", s3, core, jackson), // nearest match: json
            artifact("org.example:unrelated:1"));

    assertThat(layer(plan, "aws")).containsExactly("s3", "sdk-core");
    assertThat(layer(plan, "json")).containsExactly("jackson-core", "slf4j-api");
    assertThat(names(plan.functionLibraries())).containsExactly("unrelated");
  }

  @Test
  void nonTransitiveRuleTakesOnlyWhatItMatched() {
    String s3 = "software.amazon.awssdk:s3:2.30.0";
    LayerPlan plan =
        plan(
            List.of(rule("s3-only", false, "software.amazon.awssdk:s3")),
            artifact(s3),
            artifact("software.amazon.awssdk:sdk-core:2.30.0", s3),
            artifact("org.slf4j:slf4j-api:2.0.0", s3, "software.amazon.awssdk:sdk-core:2.30.0"));

    assertThat(layer(plan, "s3-only")).containsExactly("s3");
    assertThat(names(plan.functionLibraries())).containsExactly("sdk-core", "slf4j-api");
  }

  @Test
  void nonTransitiveNearestAncestorIsNotSkippedForAFartherTransitiveOne() {
    String outer = "org.outer:outer:1";
    String inner = "org.inner:inner:1";
    LayerPlan plan =
        plan(
            List.of(rule("outer", true, "org.outer:*"), rule("inner", false, "org.inner:*")),
            artifact(outer),
            artifact(inner, outer),
            artifact("org.leaf:leaf:1", outer, inner));

    assertThat(layer(plan, "outer")).containsExactly("outer");
    assertThat(layer(plan, "inner")).containsExactly("inner");
    assertThat(names(plan.functionLibraries())).containsExactly("leaf");
  }

  @Test
  void explicitRulesNeverTakeSnapshotsTransitively() {
    String s3 = "software.amazon.awssdk:s3:2.30.0";
    LayerPlan plan =
        plan(
            List.of(rule("aws", true, "software.amazon.awssdk:s3")),
            artifact(s3),
            artifact("org.example:snap:1.0-SNAPSHOT", s3),
            reactorModule("org.example:sibling:1.0", s3));

    assertThat(layer(plan, "aws")).containsExactly("s3");
    assertThat(names(plan.functionLibraries())).containsExactly("snap", "sibling");
  }

  @Test
  void defaultRuleMakesOneLayerNamedAfterTheProjectWithReleasesOnly() {
    String lib = "org.example:lib:1.0";
    LayerPlan plan =
        plan(
            List.of(),
            artifact(lib),
            artifact("org.example:snapshot-lib:2.0-SNAPSHOT"),
            artifact("org.example:timestamped:2.0-20260101.120000-3"),
            reactorModule("org.example:sibling:1.0"),
            artifact(
                "org.example:release-below-snapshot:3.0", "org.example:snapshot-lib:2.0-SNAPSHOT"),
            artifact("org.example:transitive:1.0", lib));

    assertThat(plan.layers()).extracting(PlannedLayer::name).containsExactly("my-function");
    assertThat(layer(plan, "my-function"))
        .containsExactly("lib", "release-below-snapshot", "transitive");
    assertThat(names(plan.functionLibraries()))
        .containsExactly("snapshot-lib", "timestamped", "sibling");
  }

  @Test
  void runtimeProvidedLibrariesAreLeftOutOfEverything() {
    LayerPlan plan =
        plan(
            List.of(rule("all", true, "*:*")),
            List.of("com.amazonaws:aws-lambda-java-core"),
            artifact("com.amazonaws:aws-lambda-java-core:1.2.3"),
            artifact("org.example:lib:1.0"));

    assertThat(names(plan.runtimeProvided())).containsExactly("aws-lambda-java-core");
    assertThat(layer(plan, "all")).containsExactly("lib");
    assertThat(plan.functionLibraries()).isEmpty();
  }

  @Test
  void runtimeProvidedWinsOverTheDefaultRuleAndTheFunction() {
    LayerPlan plan =
        plan(
            List.of(),
            List.of("com.amazonaws:*", "org.example:snap"),
            artifact("com.amazonaws:aws-lambda-java-core:1.2.3"),
            artifact("com.amazonaws:aws-lambda-java-events:3.11.0"),
            artifact("org.example:snap:1.0-SNAPSHOT"));

    assertThat(names(plan.runtimeProvided()))
        .containsExactly("aws-lambda-java-core", "aws-lambda-java-events", "snap");
    assertThat(plan.layers().get(0).libraries()).isEmpty();
    assertThat(plan.functionLibraries()).isEmpty();
  }

  @Test
  void everyLibraryEndsUpInExactlyOnePlace() {
    ResolvedArtifact[] graph = {
      artifact("a:a:1"),
      artifact("b:b:1", "a:a:1"),
      artifact("c:c:1-SNAPSHOT"),
      artifact("d:d:1", "c:c:1-SNAPSHOT"),
      artifact("e:e:1")
    };
    LayerPlan plan =
        plan(List.of(rule("a", true, "a:*"), rule("d", true, "d:*")), List.of("e:*"), graph);

    List<ResolvedArtifact> placed = new java.util.ArrayList<>(plan.functionLibraries());
    plan.layers().forEach(l -> placed.addAll(l.libraries()));
    placed.addAll(plan.runtimeProvided());
    assertThat(placed).containsExactlyInAnyOrder(graph);
  }

  @Test
  void dependenciesOfAnExcludedLibraryFollowItToTheFunction() {
    String dynamodb = "software.amazon.awssdk:dynamodb:2.30.0";
    String nettyClient = "software.amazon.awssdk:netty-nio-client:2.30.0";
    LayerPlan plan =
        plan(
            List.of(
                rule(
                    "sdk",
                    true,
                    List.of("software.amazon.awssdk:*"),
                    List.of("software.amazon.awssdk:netty-nio-client"))),
            artifact(dynamodb),
            artifact(nettyClient, dynamodb),
            artifact("io.netty:netty-codec:4.1.0", dynamodb, nettyClient),
            artifact("org.slf4j:slf4j-api:2.0.0", dynamodb));

    assertThat(layer(plan, "sdk")).containsExactly("dynamodb", "slf4j-api");
    assertThat(names(plan.functionLibraries())).containsExactly("netty-nio-client", "netty-codec");
  }
}
