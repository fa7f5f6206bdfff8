package dev.lambdalayer.core.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads Maven's {@code project.build.outputTimestamp} convention: ISO-8601 with an offset, or
 * seconds since the epoch; unset (or a single character, Maven's way to disable it) means a
 * constant. Times outside what a zip can store are refused: clamping them would stamp the zips with
 * another time than the one set, without a word.
 */
public final class OutputTimestamp {

  /** Used when the project sets no timestamp: the start of zip's range, plus a safe margin. */
  public static final Instant DEFAULT = Instant.parse("1980-02-01T00:00:00Z");

  /** What a zip's DOS date and time fields can hold. */
  private static final Instant ZIP_MIN = Instant.parse("1980-01-01T00:00:00Z");

  private static final Instant ZIP_MAX = Instant.parse("2107-12-31T23:59:58Z");

  private OutputTimestamp() {}

  public static Instant parse(String value) {
    if (value == null || value.trim().length() < 2) {
      return DEFAULT;
    }
    String text = value.trim();
    Instant instant;
    try {
      instant =
          text.chars().allMatch(Character::isDigit)
              ? Instant.ofEpochSecond(Long.parseLong(text))
              : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.OUTPUT_TIMESTAMP,
              text,
              "is neither an ISO-8601 date-time with offset nor seconds since the epoch",
              "write for example 2026-01-01T00:00:00Z"));
    }
    if (instant.isBefore(ZIP_MIN) || instant.isAfter(ZIP_MAX)) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.OUTPUT_TIMESTAMP,
              text,
              "is "
                  + instant
                  + ", outside what a zip entry can store ("
                  + ZIP_MIN
                  + " to "
                  + ZIP_MAX
                  + ")",
              "set a time inside that range, for example 2026-01-01T00:00:00Z, or remove the"
                  + " setting to use the default "
                  + DEFAULT));
    }
    return instant;
  }
}
