package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.LambdaRuntime;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a SnapStart setting before any AWS call: SnapStart applies to published versions only (so
 * it needs a function and an alias to move to each new version) and to Java 11 and later.
 */
public final class SnapStartCheck {

  private SnapStartCheck() {}

  /**
   * @param snapStart the setting; only {@code true} can be wrong
   * @param function the function to deploy, or null
   * @param alias the alias, or null or blank for none
   * @param runtimes the configured Java runtime ids
   */
  public static List<Violation> check(
      Boolean snapStart, String function, String alias, List<String> runtimes) {
    List<Violation> violations = new ArrayList<>();
    if (!Boolean.TRUE.equals(snapStart)) {
      return violations;
    }
    if (function == null || function.isBlank()) {
      violations.add(
          new Violation(
              Setting.SNAP_START,
              "true",
              "is a setting of a function, and no function is deployed",
              "name the function whose published versions SnapStart should optimize",
              Setting.FUNCTION));
    }
    if (alias == null || alias.isBlank()) {
      violations.add(
          new Violation(
              Setting.SNAP_START,
              "true",
              "applies to published versions only, and without an alias this publish publishes"
                  + " no version (only $LATEST is updated, which SnapStart never optimizes)",
              "name the alias your callers invoke (e.g. live): each publish then publishes a"
                  + " version, waits until SnapStart has optimized it and moves the alias to it",
              Setting.ALIAS));
    }
    List<String> java8 = runtimes.stream().filter(SnapStartCheck::unsupported).toList();
    if (!java8.isEmpty()) {
      violations.add(
          new Violation(
              Setting.SNAP_START,
              "true",
              "supports Java 11 and later, and the runtimes include " + String.join(", ", java8),
              "move the function to java11 or later and drop " + String.join(", ", java8),
              Setting.RUNTIMES));
    }
    return violations;
  }

  /** Whether SnapStart refuses a runtime id: Java 8 in every flavour (a release below 11). */
  public static boolean unsupported(String runtime) {
    return LambdaRuntime.reportedJavaRelease(runtime).orElse(11) < 11;
  }
}
