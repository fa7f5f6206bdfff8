package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Setting;
import java.util.List;

/**
 * Cleans parameter values as Maven injects them: a list from the command line ({@code
 * -Dlambda.runtimes=java21, java17}) or from the POM can carry blanks and padding that mean
 * nothing.
 */
final class PomValues {

  private PomValues() {}

  /** The non-blank values, trimmed; empty for null. */
  static List<String> trimmed(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** The non-blank values as {@code groupId:artifactId[:version]} patterns of {@code setting}. */
  static List<ArtifactPattern> patterns(List<String> texts, Setting setting) {
    return trimmed(texts).stream().map(text -> ArtifactPattern.parse(text, setting)).toList();
  }

  /** The value trimmed; null when unset or blank. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
