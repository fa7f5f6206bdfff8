package dev.lambdalayer.core.compare;

import java.util.List;

/**
 * The packages the Lambda Java runtime loads from its own class loader, ahead of {@code /var/task}:
 * a copy in either deployment never loads, so it is not compared. The same lists as {@code
 * core.classpath.JavaRuntimeClasses} (package private there).
 */
final class LambdaRuntimePackages {

  /** Packages (internal form, exact) of {@code aws-lambda-java-core}. */
  private static final List<String> PACKAGES =
      List.of(
          "com/amazonaws/services/lambda/runtime/",
          "com/amazonaws/services/lambda/runtime/logging/");

  /** Package trees of the runtime interface client and the serialization library. */
  private static final List<String> TREES =
      List.of(
          "com/amazonaws/services/lambda/runtime/api/client/",
          "com/amazonaws/services/lambda/runtime/serialization/",
          "com/amazonaws/services/lambda/crac/",
          "com/amazonaws/lambda/thirdparty/");

  private LambdaRuntimePackages() {}

  /** Whether the runtime answers for this class file ({@code com/foo/Bar.class}). */
  static boolean provides(String classFile) {
    int slash = classFile.lastIndexOf('/');
    String pkg = classFile.substring(0, slash + 1);
    return PACKAGES.contains(pkg) || TREES.stream().anyMatch(pkg::startsWith);
  }
}
