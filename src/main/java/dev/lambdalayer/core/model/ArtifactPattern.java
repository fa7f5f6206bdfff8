package dev.lambdalayer.core.model;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code groupId:artifactId[:version]} pattern in which each part may use {@code *} wildcards, as
 * written in {@code <include>}, {@code <exclude>} and {@code <runtimeProvided>} entries.
 */
public final class ArtifactPattern {

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.*\\-\\[\\](),+]+");

  private final String text;
  private final Pattern groupId;
  private final Pattern artifactId;
  private final Pattern version;

  private ArtifactPattern(String text, Pattern groupId, Pattern artifactId, Pattern version) {
    this.text = text;
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.version = version;
  }

  /**
   * Parses a pattern.
   *
   * @param setting the setting the text came from, named in the error
   * @throws InvalidConfigurationException when the text is not {@code groupId:artifactId[:version]}
   */
  public static ArtifactPattern parse(String text, Setting setting) {
    String trimmed = text == null ? "" : text.trim();
    String[] parts = trimmed.split(":", -1);
    boolean wellFormed = parts.length == 2 || parts.length == 3;
    for (int i = 0; wellFormed && i < parts.length; i++) {
      wellFormed = PART.matcher(parts[i]).matches();
    }
    if (!wellFormed) {
      throw new InvalidConfigurationException(
          new Violation(
              setting,
              trimmed,
              "is not a pattern of the form groupId:artifactId[:version]",
              "write for example 'com.fasterxml.jackson.*:*' or 'software.amazon.awssdk:s3:2.*';"
                  + " '*' matches any characters within one part"));
    }
    return new ArtifactPattern(
        trimmed,
        glob(parts[0]),
        glob(parts[1]),
        parts.length == 3 ? glob(parts[2]) : Pattern.compile(".*"));
  }

  private static Pattern glob(String part) {
    return Pattern.compile(
        Arrays.stream(part.split("\\*", -1))
            .map(literal -> literal.isEmpty() ? "" : Pattern.quote(literal))
            .collect(Collectors.joining(".*")));
  }

  public boolean matches(Coordinates coordinates) {
    return groupId.matcher(coordinates.groupId()).matches()
        && artifactId.matcher(coordinates.artifactId()).matches()
        && version.matcher(coordinates.version()).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
