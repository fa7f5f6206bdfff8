package dev.lambdalayer.core.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Lambda's Java runtimes, one row each: the only place that knows runtime ids, their Java release,
 * operating system and deprecation date.
 *
 * <p>Dates as AWS announced them (late 2026): the Amazon Linux 2 runtimes are deprecated on
 * 2027-06-30 (creating functions is blocked from 2027-07-31, updating them from 2027-08-31), and
 * their Amazon Linux 2023 successors of July 2026 carry no date yet. A new runtime is one new row;
 * the class-path check, the validation of the setting and its messages follow.
 */
public enum LambdaRuntime {
  JAVA25("java25", 25, OperatingSystem.AMAZON_LINUX_2023, LocalDate.of(2029, 6, 30), null),
  JAVA21("java21", 21, OperatingSystem.AMAZON_LINUX_2023, LocalDate.of(2029, 6, 30), null),
  JAVA17_AL2023("java17.al2023", 17, OperatingSystem.AMAZON_LINUX_2023, null, null),
  JAVA11_AL2023("java11.al2023", 11, OperatingSystem.AMAZON_LINUX_2023, null, null),
  JAVA8_AL2023("java8.al2023", 8, OperatingSystem.AMAZON_LINUX_2023, null, null),
  JAVA17("java17", 17, OperatingSystem.AMAZON_LINUX_2, AL2.END, "java17.al2023"),
  JAVA11("java11", 11, OperatingSystem.AMAZON_LINUX_2, AL2.END, "java11.al2023"),
  JAVA8_AL2("java8.al2", 8, OperatingSystem.AMAZON_LINUX_2, AL2.END, "java8.al2023");

  /**
   * The retired Amazon Linux 1 runtime, not offered any more but still reported for old functions.
   */
  private static final String RETIRED_JAVA8 = "java8";

  /** How long before its deprecation date a runtime is warned about. */
  public static final int WARNING_MONTHS = 6;

  /** The operating system a runtime runs on. */
  public enum OperatingSystem {
    AMAZON_LINUX_2("Amazon Linux 2"),
    AMAZON_LINUX_2023("Amazon Linux 2023");

    private final String displayName;

    OperatingSystem(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }

  /** Holds the shared date: enum constants cannot refer to the enum's own static fields. */
  private static final class AL2 {
    static final LocalDate END = LocalDate.of(2027, 6, 30);
  }

  private final String id;
  private final int javaRelease;
  private final OperatingSystem os;
  private final LocalDate deprecation;
  private final String replacement;

  LambdaRuntime(
      String id, int javaRelease, OperatingSystem os, LocalDate deprecation, String replacement) {
    this.id = id;
    this.javaRelease = javaRelease;
    this.os = os;
    this.deprecation = deprecation;
    this.replacement = replacement;
  }

  /** The id Lambda knows it by ({@code java17.al2023}). */
  public String id() {
    return id;
  }

  /**
   * The Java feature release the runtime runs ({@code 17}); the class-path check takes the JDK
   * classes of this release.
   */
  public int javaRelease() {
    return javaRelease;
  }

  public OperatingSystem os() {
    return os;
  }

  /** The day AWS deprecates the runtime, if announced. */
  public Optional<LocalDate> deprecation() {
    return Optional.ofNullable(deprecation);
  }

  /** The runtime to move to, if there is an obvious one (the same Java on a newer OS). */
  public Optional<String> replacement() {
    return Optional.ofNullable(replacement);
  }

  /** The runtime of this id, if Lambda has one. */
  public static Optional<LambdaRuntime> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /**
   * The Java release of a runtime id ({@code java8.al2} is 8): the one mapping from ids to releases
   * that the class-path check, {@code invoke} and the SnapStart check share.
   *
   * @throws InvalidConfigurationException naming the runtimes setting when the table lacks the id
   *     (a typo, a runtime that is not Java, or one newer than this plugin)
   */
  public static int javaRelease(String id) {
    return byId(id)
        .map(LambdaRuntime::javaRelease)
        .orElseThrow(
            () ->
                new InvalidConfigurationException(
                    new Violation(
                        Setting.RUNTIMES,
                        id,
                        "is not a Lambda Java runtime this plugin knows",
                        "use one of "
                            + String.join(", ", ids())
                            + ", or a newer plugin for a newer runtime")));
  }

  /**
   * The Java release of a runtime id Lambda reports for a live function: one of this table, or the
   * retired {@code java8} (Amazon Linux 1) an old function may still have; empty for any other id
   * (not Java, or newer than this plugin).
   */
  public static OptionalInt reportedJavaRelease(String id) {
    if (RETIRED_JAVA8.equals(id)) {
      return OptionalInt.of(8);
    }
    return byId(id).map(r -> OptionalInt.of(r.javaRelease)).orElse(OptionalInt.empty());
  }

  /** The runtime of the oldest Java release among {@code ids}, the conservative choice. */
  public static String oldest(List<String> ids) {
    return ids.stream()
        .min(Comparator.comparingInt(LambdaRuntime::javaRelease))
        .orElseThrow(() -> new IllegalArgumentException("no runtime"));
  }

  /** Every id, newest Java first, Amazon Linux 2023 before Amazon Linux 2. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(LambdaRuntime::id).toList();
  }

  /**
   * A warning when the runtime is deprecated on {@code today} or will be within {@link
   * #WARNING_MONTHS} months; empty otherwise.
   */
  public Optional<String> deprecationWarning(LocalDate today) {
    if (deprecation == null || today.isBefore(deprecation.minusMonths(WARNING_MONTHS))) {
      return Optional.empty();
    }
    String when = today.isBefore(deprecation) ? " is deprecated on " : " was deprecated on ";
    String advice =
        replacement != null
            ? "use " + replacement + " (Java " + javaRelease + " on " + replacementOs() + ")"
            : "move to a newer Java runtime";
    return Optional.of(
        "Runtime " + id + " (" + os.displayName() + ")" + when + deprecation + "; " + advice);
  }

  private String replacementOs() {
    return byId(replacement).map(r -> r.os.displayName()).orElse("a supported OS");
  }

  /**
   * The day to check deprecation against: {@code configured} (ISO {@code yyyy-MM-dd}) when set,
   * else {@code today}.
   *
   * @throws InvalidConfigurationException when {@code configured} is not such a date
   */
  public static LocalDate checkDate(String configured, LocalDate today) {
    if (configured == null || configured.isBlank()) {
      return today;
    }
    try {
      return LocalDate.parse(configured.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.RUNTIME_CHECK_DATE,
              configured,
              "is not a date of the form yyyy-MM-dd",
              "write it like 2027-01-15, or leave it out to check against today's date"));
    }
  }

  /**
   * The warnings for the known runtimes among {@code ids}, in the order given; none when {@code
   * today} is null.
   */
  public static List<String> deprecationWarnings(List<String> ids, LocalDate today) {
    List<String> warnings = new ArrayList<>();
    if (today == null) {
      return warnings;
    }
    for (String id : ids) {
      byId(id).flatMap(r -> r.deprecationWarning(today)).ifPresent(warnings::add);
    }
    return warnings;
  }
}
