package dev.lambdalayer.core.model;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when user input or the resulting plan breaks a rule; carries every violation found. */
public class InvalidConfigurationException extends RuntimeException {

  private final List<Violation> violations;

  public InvalidConfigurationException(List<Violation> violations) {
    super(
        violations.stream()
            .map(v -> v.setting() + " '" + v.value() + "': " + v.problem())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public InvalidConfigurationException(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }
}
