package dev.lambdalayer.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lambda's documented limits for layers and functions, checked before anything is uploaded. */
public final class LambdaLimits {

  /** Layers one function can use. */
  public static final int MAX_LAYERS = 5;

  /** Function and all its layers, unzipped. */
  public static final long MAX_UNZIPPED_BYTES = 262_144_000L;

  /** Largest zip Lambda accepts inline ({@code ZipFile}); larger ones go through S3. */
  public static final long MAX_DIRECT_UPLOAD_BYTES = 50L * 1024 * 1024;

  /** Lambda's Java runtime ids, from {@link LambdaRuntime}. */
  public static final List<String> JAVA_RUNTIMES = LambdaRuntime.ids();

  public static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");

  /** Lambda accepts up to 140 characters with an ARN; a bare name is kept to 64. */
  private static final Pattern LAYER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** The Java release an id like {@code java8} or {@code java17.al2} names. */
  private static final Pattern JAVA_RELEASE = Pattern.compile("java(\\d{1,3})(?!\\d)");

  private LambdaLimits() {}

  /** Whether Lambda accepts {@code name} as a layer name. */
  public static boolean isValidLayerName(String name) {
    return name != null && LAYER_NAME.matcher(name).matches();
  }

  /** Checks the configured layer names, runtimes and architectures. */
  public static List<Violation> checkSettings(
      List<String> layerNames, List<String> runtimes, List<String> architectures) {
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : layerNames) {
      if (name == null || name.isEmpty()) {
        violations.add(
            new Violation(
                Setting.LAYER_NAME,
                "",
                "a layer has no name",
                "give every layer a name of 1 to 64 characters from A-Z, a-z, 0-9, '-', '_'"));
      } else if (!LAYER_NAME.matcher(name).matches()) {
        violations.add(
            new Violation(
                Setting.LAYER_NAME,
                String.valueOf(name),
                "is not a valid Lambda layer name",
                "use 1 to 64 characters from A-Z, a-z, 0-9, '-' and '_'"));
      } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        violations.add(
            new Violation(
                Setting.LAYER_NAME, name, "names two layers", "give every layer its own name"));
      }
    }
    String validIds = String.join(", ", JAVA_RUNTIMES);
    if (runtimes.isEmpty()) {
      violations.add(
          new Violation(Setting.RUNTIMES, "", "is empty", "name at least one of " + validIds));
    }
    for (String runtime : runtimes) {
      if (!JAVA_RUNTIMES.contains(runtime)) {
        violations.add(
            new Violation(
                Setting.RUNTIMES,
                runtime,
                "is not a Lambda Java runtime id",
                sameRelease(runtime) + "use one or more of " + validIds));
      }
    }
    if (architectures.isEmpty()) {
      violations.add(
          new Violation(
              Setting.ARCHITECTURES, "", "is empty", "name one or both of " + ARCHITECTURES));
    }
    for (String architecture : architectures) {
      if (!ARCHITECTURES.contains(architecture)) {
        violations.add(
            new Violation(
                Setting.ARCHITECTURES,
                architecture,
                "is not a Lambda architecture",
                "use one or both of " + ARCHITECTURES));
      }
    }
    return violations;
  }

  /** "Java 8 runs on java8.al2023, java8.al2; " for {@code java8} or {@code java8.al1}, else "". */
  private static String sameRelease(String runtime) {
    Matcher release = JAVA_RELEASE.matcher(runtime);
    if (!release.lookingAt()) {
      return "";
    }
    int feature = Integer.parseInt(release.group(1));
    List<String> ids =
        Arrays.stream(LambdaRuntime.values())
            .filter(r -> r.javaRelease() == feature)
            .map(LambdaRuntime::id)
            .toList();
    return ids.isEmpty() ? "" : "Java " + feature + " runs on " + String.join(", ", ids) + "; ";
  }

  /** Checks the number of layers and the unzipped size of function plus layers. */
  public static List<Violation> checkPlan(int layerCount, long unzippedBytes) {
    List<Violation> violations = new ArrayList<>();
    if (layerCount > MAX_LAYERS) {
      violations.add(
          new Violation(
              Setting.LAYERS,
              layerCount + " layers",
              "exceeds Lambda's limit of " + MAX_LAYERS + " layers per function",
              "merge layers so that at most " + MAX_LAYERS + " remain"));
    }
    if (unzippedBytes > MAX_UNZIPPED_BYTES) {
      violations.add(
          new Violation(
              Setting.DEPENDENCIES,
              String.format(Locale.ROOT, "%,d bytes unzipped", unzippedBytes),
              String.format(
                  Locale.ROOT,
                  "function and layers exceed Lambda's limit of %,d bytes unzipped",
                  MAX_UNZIPPED_BYTES),
              "remove dependencies, deploy a container image instead, or leave out the libraries"
                  + " the runtime provides",
              Setting.RUNTIME_PROVIDED));
    }
    return violations;
  }
}
