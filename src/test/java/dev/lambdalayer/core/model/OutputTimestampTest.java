package dev.lambdalayer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputTimestampTest {

  @Test
  void isoWithOffset() {
    assertThat(OutputTimestamp.parse("2026-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(OutputTimestamp.parse("2026-01-01T09:00:00+09:00"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(OutputTimestamp.parse(" 2025-06-30T12:34:56-04:00 "))
        .isEqualTo(Instant.parse("2025-06-30T16:34:56Z"));
  }

  @Test
  void epochSeconds() {
    assertThat(OutputTimestamp.parse("1767225600"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "x", "0", " a "})
  void unsetOrOneCharacterMeansTheDefault(String value) {
    assertThat(OutputTimestamp.parse(value)).isEqualTo(OutputTimestamp.DEFAULT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-01-01",
        "2026-01-01T00:00:00",
        "2026-13-01T00:00:00Z",
        "-100",
        "12.5",
        "99999999999999999999",
        "99999999999999999"
      })
  void garbageIsAViolation(String value) {
    assertThatThrownBy(() -> OutputTimestamp.parse(value))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              Violation v = e.violations().get(0);
              assertThat(v.setting()).isEqualTo(Setting.OUTPUT_TIMESTAMP);
              assertThat(v.value()).isEqualTo(value);
            });
  }

  /** Issue 13 item 3: these were clamped silently, so the zips carried another time than set. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "10",
        "1970-01-01T00:00:00Z",
        "1979-12-31T23:59:59Z",
        "2108-01-01T00:00:00Z",
        "2200-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z"
      })
  void outsideTheZipRangeIsRefusedNamingTheSetting(String value) {
    assertThatThrownBy(() -> OutputTimestamp.parse(value))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              Violation v = e.violations().get(0);
              assertThat(v.setting()).isEqualTo(Setting.OUTPUT_TIMESTAMP);
              assertThat(v.value()).isEqualTo(value);
              assertThat(v.problem()).contains("1980-01-01T00:00:00Z", "2107-12-31T23:59:58Z");
            });
  }

  @Test
  void theEdgesOfTheZipRangeAreKept() {
    assertThat(OutputTimestamp.parse("1980-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("1980-01-01T00:00:00Z"));
    assertThat(OutputTimestamp.parse("2107-12-31T23:59:58Z"))
        .isEqualTo(Instant.parse("2107-12-31T23:59:58Z"));
    assertThat(OutputTimestamp.parse("2090-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2090-01-01T00:00:00Z"));
  }

  @Test
  void theDefaultIsInsideTheZipRange() {
    assertThat(OutputTimestamp.parse(OutputTimestamp.DEFAULT.toString()))
        .isEqualTo(OutputTimestamp.DEFAULT);
  }
}
