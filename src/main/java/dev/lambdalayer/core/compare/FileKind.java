package dev.lambdalayer.core.compare;

import java.util.List;

/** How the class loader reads a file, which decides how two deployments' copies are compared. */
enum FileKind {
  /** A class: the first copy on the class path is the one loaded. */
  CLASS,
  /** {@code META-INF/services/<interface>}: {@code ServiceLoader} reads every copy. */
  SERVICE,
  /** A resource libraries read with {@code getResources}: every copy counts. */
  MERGED,
  /** Any other resource, read with {@code getResource}: the first copy wins. */
  RESOURCE,
  /** Packaging detail no code reads: manifests, signatures, licences, Maven metadata. */
  IGNORED;

  /**
   * Resources that libraries read with {@code getResources}, beyond the service files: the AWS
   * SDK's interceptor lists, Spring's factories and auto-configuration lists, Log4j 2's plugin
   * cache. The AWS SDK also reads {@code execution.interceptors} of every service package.
   */
  static final List<String> MERGED_RESOURCES =
      List.of(
          "software/amazon/awssdk/global/handlers/execution.interceptors",
          "META-INF/spring.factories",
          "META-INF/spring.handlers",
          "META-INF/spring.schemas",
          "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat");

  static FileKind of(String name) {
    if (name.startsWith("META-INF/services/") && name.indexOf('/', 18) < 0) {
      return name.length() > 18 ? SERVICE : IGNORED;
    }
    if (MERGED_RESOURCES.contains(name)
        || (name.startsWith("software/amazon/awssdk/") && name.endsWith("/execution.interceptors"))
        || (name.startsWith("META-INF/spring/") && name.endsWith(".imports"))) {
      return MERGED;
    }
    if (name.endsWith("module-info.class") || name.startsWith("META-INF/versions/")) {
      // Multi-release variants and module descriptors: the base class decides on Lambda's Java.
      return IGNORED;
    }
    if (name.endsWith(".class")) {
      return name.startsWith("META-INF/") ? IGNORED : CLASS;
    }
    if (name.equals("META-INF/MANIFEST.MF")
        || name.equals("META-INF/INDEX.LIST")
        || name.startsWith("META-INF/maven/")
        || (name.startsWith("META-INF/") && name.indexOf('/', 9) < 0 && isMetadata(name))) {
      return IGNORED;
    }
    return RESOURCE;
  }

  /** Signatures, and the licence and notice files that every jar carries a copy of. */
  private static boolean isMetadata(String name) {
    String file = name.substring("META-INF/".length()).toUpperCase(java.util.Locale.ROOT);
    return file.startsWith("LICENSE")
        || file.startsWith("NOTICE")
        || file.startsWith("DEPENDENCIES")
        || file.startsWith("README")
        || name.endsWith(".SF")
        || name.endsWith(".RSA")
        || name.endsWith(".DSA")
        || name.endsWith(".EC");
  }
}
