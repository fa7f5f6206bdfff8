package dev.lambdalayer.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LambdaLimitsTest {

  private static final List<String> RUNTIMES = List.of("java21");
  private static final List<String> ARCHITECTURES = List.of("x86_64");

  @Test
  void validSettingsPass() {
    assertThat(
            LambdaLimits.checkSettings(
                List.of("aws-sdk", "jackson_2", "A1"),
                List.of("java25", "java21", "java17", "java11", "java8.al2"),
                List.of("x86_64", "arm64")))
        .isEmpty();
  }

  @Test
  void fiveLayersPassSixFail() {
    assertThat(LambdaLimits.checkPlan(5, 1000)).isEmpty();
    List<Violation> violations = LambdaLimits.checkPlan(6, 1000);
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).setting()).isEqualTo(Setting.LAYERS);
    assertThat(violations.get(0).value()).isEqualTo("6 layers");
    assertThat(violations.get(0).problem()).contains("5");
  }

  @Test
  void unzippedSizeLimitIsInclusive() {
    assertThat(LambdaLimits.checkPlan(1, 262_144_000L)).isEmpty();
    List<Violation> violations = LambdaLimits.checkPlan(1, 262_144_001L);
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).setting()).isEqualTo(Setting.DEPENDENCIES);
    assertThat(violations.get(0).value()).isEqualTo("262,144,001 bytes unzipped");
    assertThat(violations.get(0).problem()).contains("262,144,000");
  }

  @Test
  void bothPlanViolationsAreReportedTogether() {
    assertThat(LambdaLimits.checkPlan(7, 300_000_000L))
        .extracting(Violation::setting)
        .containsExactly(Setting.LAYERS, Setting.DEPENDENCIES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "dot.name", "slash/name", "ümlaut", "colon:name"})
  void invalidLayerNamesFail(String name) {
    List<Violation> violations = LambdaLimits.checkSettings(List.of(name), RUNTIMES, ARCHITECTURES);
    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.LAYER_NAME);
              assertThat(v.value()).isEqualTo(name);
            });
  }

  @Test
  void layerNameLengthIsCappedAt64() {
    assertThat(LambdaLimits.checkSettings(List.of("a".repeat(64)), RUNTIMES, ARCHITECTURES))
        .isEmpty();
    assertThat(LambdaLimits.checkSettings(List.of("a".repeat(65)), RUNTIMES, ARCHITECTURES))
        .extracting(Violation::setting)
        .containsExactly(Setting.LAYER_NAME);
  }

  @Test
  void missingLayerNameFails() {
    List<String> names = new ArrayList<>(Collections.singletonList(null));
    assertThat(LambdaLimits.checkSettings(names, RUNTIMES, ARCHITECTURES))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.LAYER_NAME);
              assertThat(v.problem()).contains("has no name");
            });
  }

  @Test
  void duplicateNamesFailIgnoringCase() {
    assertThat(
            LambdaLimits.checkSettings(List.of("libs", "other", "LIBS"), RUNTIMES, ARCHITECTURES))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.LAYER_NAME);
              assertThat(v.value()).isEqualTo("LIBS");
              assertThat(v.problem()).contains("two layers");
            });
  }

  @Test
  void unknownRuntimeFails() {
    assertThat(LambdaLimits.checkSettings(List.of(), List.of("java21", "java22"), ARCHITECTURES))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.RUNTIMES);
              assertThat(v.value()).isEqualTo("java22");
              assertThat(v.fix()).contains("java21");
            });
    assertThat(LambdaLimits.checkSettings(List.of(), List.of("python3.12"), ARCHITECTURES))
        .extracting(Violation::setting)
        .containsExactly(Setting.RUNTIMES);
  }

  @Test
  void everyRuntimeOfTheTableIsAcceptedAndTheErrorListsThemAll() {
    assertThat(LambdaLimits.checkSettings(List.of(), LambdaRuntime.ids(), ARCHITECTURES)).isEmpty();
    assertThat(LambdaLimits.checkSettings(List.of(), List.of("java99"), ARCHITECTURES))
        .singleElement()
        .extracting(Violation::fix)
        .isEqualTo(
            "use one or more of java25, java21, java17.al2023, java11.al2023, java8.al2023,"
                + " java17, java11, java8.al2");
  }

  @Test
  void anIdOfAKnownReleaseNamesThatReleasesRuntimes() {
    assertThat(LambdaLimits.checkSettings(List.of(), List.of("java8"), ARCHITECTURES))
        .singleElement()
        .extracting(Violation::fix)
        .asString()
        .startsWith("Java 8 runs on java8.al2023, java8.al2; use one or more of java25,");
    assertThat(LambdaLimits.checkSettings(List.of(), List.of("java17.al2"), ARCHITECTURES))
        .singleElement()
        .extracting(Violation::fix)
        .asString()
        .startsWith("Java 17 runs on java17.al2023, java17; ");
    assertThat(LambdaLimits.checkSettings(List.of(), List.of("java170"), ARCHITECTURES))
        .singleElement()
        .extracting(Violation::fix)
        .asString()
        .startsWith("use one or more of");
  }

  @Test
  void noRuntimeFails() {
    assertThat(LambdaLimits.checkSettings(List.of(), List.of(), ARCHITECTURES))
        .extracting(Violation::setting)
        .containsExactly(Setting.RUNTIMES);
  }

  @Test
  void badArchitectureFails() {
    assertThat(LambdaLimits.checkSettings(List.of(), RUNTIMES, List.of("arm64", "aarch64")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.ARCHITECTURES);
              assertThat(v.value()).isEqualTo("aarch64");
            });
    assertThat(LambdaLimits.checkSettings(List.of(), RUNTIMES, List.of()))
        .extracting(Violation::setting)
        .containsExactly(Setting.ARCHITECTURES);
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    assertThat(LambdaLimits.checkSettings(List.of("bad name"), List.of("java99"), List.of("sparc")))
        .extracting(Violation::setting)
        .containsExactly(Setting.LAYER_NAME, Setting.RUNTIMES, Setting.ARCHITECTURES);
  }
}
