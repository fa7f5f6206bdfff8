package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cleans parameter values as Maven injects them: a list from the command line ({@code
 * -Dlambda.runtimes=java21, java17}) or from the POM can carry padding that means nothing, and
 * empty entries ({@code <include></include>}, {@code a,,b}) that Maven injects as null.
 */
final class PomValues {

  private PomValues() {}

  /**
   * The values, trimmed; empty for null.
   *
   * @throws InvalidConfigurationException naming {@code setting} and the position of every empty or
   *     blank entry: such an entry is a typo (a doubled comma, an empty element), and guessing what
   *     was meant could package the wrong thing
   */
  static List<String> trimmed(List<String> values, Setting setting) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null || value.isBlank()) {
        violations.add(
            new Violation(
                setting,
                "",
                "entry "
                    + (i + 1)
                    + " of "
                    + values.size()
                    + " is empty (an empty element, or two commas in a row)",
                "remove the empty element or the extra comma, or write the value it should hold"));
      } else {
        out.add(value.trim());
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    return out;
  }

  /**
   * The values, trimmed, each once; for settings where a repeated value is a mistake (a runtime or
   * architecture listed twice would be published twice over).
   *
   * @throws InvalidConfigurationException naming {@code setting} for an empty entry, an empty list
   *     or a repeated value
   */
  static List<String> distinct(List<String> values, Setting setting, String defaultValue) {
    List<String> out = trimmed(values, setting);
    if (values != null && out.isEmpty()) {
      throw new InvalidConfigurationException(
          new Violation(
              setting,
              "",
              "the list is empty",
              "list at least one value, or remove the element to use the default " + defaultValue));
    }
    Set<String> seen = new LinkedHashSet<>();
    List<Violation> violations = new ArrayList<>();
    for (String value : out) {
      if (!seen.add(value)) {
        violations.add(
            new Violation(setting, value, "is listed more than once", "list each value once"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    return out;
  }

  /** The values as {@code groupId:artifactId[:version]} patterns of {@code setting}. */
  static List<ArtifactPattern> patterns(List<String> texts, Setting setting) {
    return trimmed(texts, setting).stream()
        .map(text -> ArtifactPattern.parse(text, setting))
        .toList();
  }

  /** The value trimmed; null when unset or blank. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
