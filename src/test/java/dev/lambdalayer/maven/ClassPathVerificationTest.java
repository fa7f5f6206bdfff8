package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPathVerificationTest {

  @Test
  void eachFindingKindHasItsOwnFixNamingWhatToChange() {
    List<String> fixes =
        Arrays.stream(ClassPathReport.Finding.values()).map(ClassPathVerification::fix).toList();

    assertThat(fixes).doesNotHaveDuplicates();
    assertThat(ClassPathVerification.fix(ClassPathReport.Finding.HANDLER))
        .contains("<handler> (-Dlambda.handler)");
    assertThat(ClassPathVerification.fix(ClassPathReport.Finding.TOO_NEW))
        .contains("<runtimes> (-Dlambda.runtimes)");
    assertThat(ClassPathVerification.fix(ClassPathReport.Finding.MISSING_CLASS))
        .contains("<allowedMissing> (-Dlambda.allowedMissing)");
    assertThat(ClassPathVerification.fix(ClassPathReport.Finding.MISSING_BY_PLACEMENT))
        .contains("<runtimeProvided> (-Dlambda.runtimeProvided)");
    assertThat(ClassPathVerification.fix(ClassPathReport.Finding.SERVICE_PROVIDER_MISSING))
        .contains("<exclusion>");
    assertThat(ClassPathVerification.fix(ClassPathReport.Finding.MALFORMED_CLASS))
        .contains("replace the jar");
  }

  @Test
  void singleProviderServicesAreInterfaceNamesAndBlanksAreRefused() {
    assertThat(
            ClassPathVerification.settings(
                    null, List.of(), List.of(), List.of(" com.example.spi.Codec "))
                .singleProviderServices())
        .containsExactly("com.example.spi.Codec");
    assertThatThrownBy(
            () ->
                ClassPathVerification.settings(
                    null, List.of(), List.of(), List.of("META-INF/services/x.Y")))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(SettingNames.describe(e))
                    .contains(
                        "<singleProviderServices> (-Dlambda.singleProviderServices)"
                            + " 'META-INF/services/x.Y': is not a Java interface name"));
    assertThatThrownBy(
            () ->
                ClassPathVerification.settings(
                    null, List.of(), List.of(), List.of("com.example.spi.Codec", "")))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(SettingNames.describe(e))
                    .contains(
                        "<singleProviderServices> (-Dlambda.singleProviderServices): entry 2"));
  }

  @Test
  void aLongListOfCopiesIsShortenedInTheLogAndPointsAtTheReport() {
    java.nio.file.Path report = java.nio.file.Path.of("target/lambda/classpath.json");
    assertThat(ClassPathVerification.shortList(List.of("a", "b", "c", "d"), report))
        .isEqualTo("a, b, c, d");
    assertThat(ClassPathVerification.shortList(List.of("a", "b", "c", "d", "e", "f"), report))
        .isEqualTo("a, b, c and 3 more (all in classpath.json)");
  }
}
