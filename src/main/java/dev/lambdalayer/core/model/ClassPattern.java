package dev.lambdalayer.core.model;

import java.util.regex.Pattern;

/**
 * A class-name pattern: {@code com.foo.Bar} (one class and its nested classes), {@code com.foo.*}
 * (the classes of one package) or {@code com.foo.**} (a package and its sub-packages); {@code *}
 * matches within one name segment, {@code **} across segments.
 */
public final class ClassPattern {

  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_$.*]+");

  private final String text;
  private final Pattern regex;

  private ClassPattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * Parses one pattern.
   *
   * @throws InvalidConfigurationException naming {@code setting} when the text is not a pattern
   */
  public static ClassPattern parse(String text, Setting setting) {
    String trimmed = text == null ? "" : text.trim();
    if (!SYNTAX.matcher(trimmed).matches()
        || trimmed.startsWith(".")
        || trimmed.endsWith(".")
        || trimmed.contains("***")) {
      throw new InvalidConfigurationException(
          new Violation(
              setting,
              trimmed,
              "not a class name pattern",
              "write a class name (com.foo.Bar), a package (com.foo.*) or a package tree"
                  + " (com.foo.**)"));
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '*' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    // A class name also covers its nested classes (Outer$Inner).
    regex.append("(\\$.*)?");
    return new ClassPattern(trimmed, Pattern.compile(regex.toString()));
  }

  /** Whether the class with this binary name ({@code com.foo.Bar$Baz}) matches. */
  public boolean matches(String className) {
    return regex.matcher(className).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
