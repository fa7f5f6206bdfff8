package dev.lambdalayer.core;

import java.util.List;

/**
 * Optional libraries that widely used libraries reference in code they only run after checking that
 * the library is there (by reflection or by catching {@code NoClassDefFoundError}). A missing class
 * in these packages is listed in the report as allowed, not as an error.
 */
final class KnownOptional {

  private static final List<ClassPattern> PACKAGES =
      List.of(
          // The AWS SDK v2 uses the AWS Common Runtime when present (CRT-based clients, checksums).
          ClassPattern.parse("software.amazon.awssdk.crt.**", Setting.ALLOWED_MISSING));

  private KnownOptional() {}

  static boolean covers(String className) {
    return PACKAGES.stream().anyMatch(p -> p.matches(className));
  }

  static List<ClassPattern> patterns() {
    return PACKAGES;
  }
}
