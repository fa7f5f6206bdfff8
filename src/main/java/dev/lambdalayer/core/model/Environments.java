package dev.lambdalayer.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The declared environments, checked once, and the one a goal selects by name. */
public final class Environments {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

  private final List<Environment> declared;

  private Environments(List<Environment> declared) {
    this.declared = List.copyOf(declared);
  }

  /**
   * Checks the declarations: every environment named, each name once, a role that is an IAM role
   * ARN.
   *
   * @throws InvalidConfigurationException naming every problem
   */
  public static Environments of(List<Environment> declared) {
    List<Violation> violations = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      Environment e = declared.get(i);
      String name = e.name() == null ? "" : e.name().trim();
      if (name.isEmpty()) {
        violations.add(
            new Violation(
                Setting.ENVIRONMENTS,
                "",
                "environment " + (i + 1) + " of " + declared.size() + " has no name",
                "give every environment a name, e.g. staging or prod"));
      } else if (!NAME.matcher(name).matches()) {
        violations.add(
            new Violation(
                Setting.ENVIRONMENTS,
                name,
                "is not a usable environment name",
                "use letters, digits, '-', '_' or '.', at most 64 characters"));
      } else if (!names.add(name)) {
        violations.add(
            new Violation(
                Setting.ENVIRONMENTS,
                name,
                "is declared more than once",
                "give each environment its own name"));
      }
      if (e.roleArn() != null && !ROLE_ARN.matcher(e.roleArn()).matches()) {
        violations.add(
            new Violation(
                Setting.ENVIRONMENTS,
                e.roleArn(),
                "the role of environment '" + name + "' is not an IAM role ARN",
                "write it as arn:aws:iam::123456789012:role/deployer, with its account id and role name"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    return new Environments(declared);
  }

  public List<Environment> all() {
    return declared;
  }

  /** The declared names, in declaration order. */
  public List<String> names() {
    return declared.stream().map(e -> e.name().trim()).toList();
  }

  /**
   * The environment called {@code name}.
   *
   * @param setting the setting that named it, for the error
   * @throws InvalidConfigurationException when none is called so, listing the declared names
   */
  public Environment select(String name, Setting setting) {
    for (Environment e : declared) {
      if (e.name().trim().equals(name.trim())) {
        return e;
      }
    }
    throw new InvalidConfigurationException(
        new Violation(
            setting,
            name,
            declared.isEmpty()
                ? "is not a declared environment: none is declared"
                : "is not a declared environment (declared: " + String.join(", ", names()) + ")",
            declared.isEmpty()
                ? "declare it, with its regions and function, under the environments setting"
                : "use one of the declared names, or declare it",
            Setting.ENVIRONMENTS));
  }
}
