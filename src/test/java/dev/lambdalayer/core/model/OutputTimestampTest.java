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

  @Test
  void clampedToTheZipRange() {
    Instant min = OutputTimestamp.parse("10");
    assertThat(min).isBetween(Instant.parse("1980-01-01T00:00:00Z"), OutputTimestamp.DEFAULT);
    assertThat(OutputTimestamp.parse("1970-01-01T00:00:00Z")).isEqualTo(min);
    assertThat(OutputTimestamp.parse("1980-01-01T00:00:00Z")).isEqualTo(min);
    Instant max = OutputTimestamp.parse("2200-01-01T00:00:00Z");
    assertThat(max)
        .isBetween(Instant.parse("2097-01-01T00:00:00Z"), Instant.parse("2108-01-01T00:00:00Z"));
    assertThat(OutputTimestamp.parse("9999-12-31T23:59:59Z")).isEqualTo(max);
    assertThat(OutputTimestamp.parse("2090-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2090-01-01T00:00:00Z"));
  }

  @Test
  void theDefaultIsInsideTheZipRange() {
    assertThat(OutputTimestamp.parse(OutputTimestamp.DEFAULT.toString()))
        .isEqualTo(OutputTimestamp.DEFAULT);
  }
}
