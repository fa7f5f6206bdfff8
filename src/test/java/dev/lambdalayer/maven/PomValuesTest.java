package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Empty entries, empty lists and repeated values of list parameters (issue 13, items 1 and 4). */
class PomValuesTest {

  /** Maven injects {@code <include></include>} and {@code a,,b} as a null entry. */
  @Test
  void anEmptyEntryIsRefusedNamingTheSettingAndItsPosition() {
    List<String> withHole = Arrays.asList("java21", null, "java17");
    assertThatThrownBy(() -> PomValues.trimmed(withHole, Setting.RUNTIMES))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(SettingNames.describe(e))
                    .contains("<runtimes> (-Dlambda.runtimes): entry 2 of 3 is empty")
                    .contains("remove the empty element or the extra comma"));
    assertThatThrownBy(() -> PomValues.trimmed(Arrays.asList(" "), Setting.LAYER_EXCLUDES))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(SettingNames.describe(e))
                    .contains("<layers><layer><excludes><exclude>: entry 1 of 1 is empty"));
    assertThatThrownBy(() -> PomValues.patterns(Arrays.asList(null, null), Setting.ALLOWED_MISSING))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.violations()).hasSize(2));
  }

  @Test
  void everyListParameterOfTheMojosRefusesAnEmptyEntry() {
    List<String> hole = Arrays.asList("a", null);
    for (Setting setting :
        List.of(
            Setting.RUNTIME_PROVIDED,
            Setting.LAYER_INCLUDES,
            Setting.SHARED_LAYERS,
            Setting.REGIONS,
            Setting.SHARE,
            Setting.ALLOWED_DUPLICATES)) {
      assertThatThrownBy(() -> PomValues.trimmed(hole, setting))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining(setting.name());
    }
    assertThatThrownBy(
            () -> ClassPathVerification.settings(null, List.of(), Arrays.asList("x.Y", null)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("ALLOWED_MISSING");
  }

  @Test
  void valuesAreTrimmedAndNullIsEmpty() {
    assertThat(PomValues.trimmed(List.of(" java21 ", "java17"), Setting.RUNTIMES))
        .containsExactly("java21", "java17");
    assertThat(PomValues.trimmed(null, Setting.RUNTIMES)).isEmpty();
  }

  @Test
  void runtimesAndArchitecturesRefuseRepeatsAndAnExplicitlyEmptyList() {
    assertThatThrownBy(
            () -> PomValues.distinct(List.of("x86_64", "x86_64"), Setting.ARCHITECTURES, "x86_64"))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(SettingNames.describe(e))
                    .contains("<architectures> (-Dlambda.architectures) 'x86_64': is listed more"));
    assertThatThrownBy(() -> PomValues.distinct(List.of(), Setting.RUNTIMES, "java21"))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(SettingNames.describe(e))
                    .contains("<runtimes> (-Dlambda.runtimes): the list is empty")
                    .contains("the default java21"));
    assertThat(PomValues.distinct(List.of("java21", " java17"), Setting.RUNTIMES, "java21"))
        .containsExactly("java21", "java17");
  }
}
