package dev.lambdalayer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactPatternTest {

  private static final Coordinates DATABIND =
      Coordinates.of("com.fasterxml.jackson.core", "jackson-databind", "2.18.2");

  private static boolean matches(String pattern, Coordinates coordinates) {
    return ArtifactPattern.parse(pattern, Setting.LAYER_INCLUDES).matches(coordinates);
  }

  @Test
  void twoPartsMatchAnyVersion() {
    assertThat(matches("com.fasterxml.jackson.core:jackson-databind", DATABIND)).isTrue();
    assertThat(matches("com.fasterxml.jackson.core:jackson-core", DATABIND)).isFalse();
    assertThat(matches("com.fasterxml.jackson:jackson-databind", DATABIND)).isFalse();
  }

  @Test
  void threePartsMatchTheVersionToo() {
    assertThat(matches("com.fasterxml.jackson.core:jackson-databind:2.18.2", DATABIND)).isTrue();
    assertThat(matches("com.fasterxml.jackson.core:jackson-databind:2.18.3", DATABIND)).isFalse();
  }

  @Test
  void wildcardInGroupId() {
    assertThat(matches("com.fasterxml.*:jackson-databind", DATABIND)).isTrue();
    assertThat(matches("*:jackson-databind", DATABIND)).isTrue();
    assertThat(matches("org.*:jackson-databind", DATABIND)).isFalse();
  }

  @Test
  void wildcardInArtifactId() {
    assertThat(matches("com.fasterxml.jackson.core:jackson-*", DATABIND)).isTrue();
    assertThat(matches("com.fasterxml.jackson.core:*-databind", DATABIND)).isTrue();
    assertThat(matches("com.fasterxml.jackson.core:*", DATABIND)).isTrue();
    assertThat(matches("com.fasterxml.jackson.core:jackson-*-xml", DATABIND)).isFalse();
  }

  @Test
  void wildcardInVersion() {
    assertThat(matches("com.fasterxml.jackson.core:jackson-databind:2.*", DATABIND)).isTrue();
    assertThat(matches("*:*:2.18.*", DATABIND)).isTrue();
    assertThat(matches("*:*:3.*", DATABIND)).isFalse();
  }

  @Test
  void wildcardMatchesWithinPartsOnly() {
    // The '.' of a groupId is a literal, not a regex wildcard.
    assertThat(matches("comXfasterxml.jackson.core:jackson-databind", DATABIND)).isFalse();
    // A pattern must match the whole part, not a prefix.
    assertThat(matches("com.fasterxml:jackson-databind", DATABIND)).isFalse();
    assertThat(matches("com.fasterxml.jackson.core:jackson", DATABIND)).isFalse();
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    ArtifactPattern pattern =
        ArtifactPattern.parse("  software.amazon.awssdk:s3 \n", Setting.LAYERS);
    assertThat(pattern.matches(Coordinates.of("software.amazon.awssdk", "s3", "2.30.0"))).isTrue();
    assertThat(pattern).hasToString("software.amazon.awssdk:s3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "jackson-databind",
        "a:b:c:d",
        "a::c",
        ":b",
        "a:",
        "a:b:",
        "a b:c",
        "a:b/c",
        "com.example:lib:1.0:sources"
      })
  void badSyntaxIsAViolationNamingTheSetting(String text) {
    assertThatThrownBy(() -> ArtifactPattern.parse(text, Setting.LAYER_EXCLUDES))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.violations()).hasSize(1);
              Violation v = e.violations().get(0);
              assertThat(v.setting()).isEqualTo(Setting.LAYER_EXCLUDES);
              assertThat(v.value()).isEqualTo(text.trim());
              assertThat(v.problem()).contains("groupId:artifactId[:version]");
              assertThat(v.fix()).contains("'*'");
            });
  }

  @Test
  void nullIsAViolation() {
    assertThatThrownBy(() -> ArtifactPattern.parse(null, Setting.RUNTIME_PROVIDED))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.violations().get(0).setting()).isEqualTo(Setting.RUNTIME_PROVIDED));
  }
}
