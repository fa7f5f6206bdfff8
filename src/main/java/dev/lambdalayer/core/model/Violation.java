package dev.lambdalayer.core.model;

/**
 * One thing wrong with the configuration or the plan: where, what value, what is wrong, how to fix
 * it.
 *
 * @param related another setting the fix points at, which the build-tool adapter names the way the
 *     user writes it; null for none
 */
public record Violation(
    Setting setting, String value, String problem, String fix, Setting related) {

  /** A violation whose fix points at no other setting. */
  public Violation(Setting setting, String value, String problem, String fix) {
    this(setting, value, problem, fix, null);
  }
}
