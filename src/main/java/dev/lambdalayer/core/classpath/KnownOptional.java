package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.ClassPattern;
import dev.lambdalayer.core.model.Setting;
import java.util.List;
import java.util.stream.Stream;

/**
 * Optional libraries that widely used libraries reference in code they only run after checking that
 * the library is there (by reflection or by catching {@code NoClassDefFoundError}). A missing class
 * in these packages is listed in the report as allowed, not as an error.
 */
final class KnownOptional {

  private static final List<ClassPattern> PACKAGES =
      Stream.of(
              // SLF4J 1.x looks for a binding and falls back to a no-op logger without one.
              "org.slf4j.impl.*",
              // The AWS SDK v2 uses the AWS Common Runtime when present (CRT clients, checksums).
              "software.amazon.awssdk.crt.**",
              // ... and its adapter module crt-core, e.g. for SigV4a signing (multi-region).
              "software.amazon.awssdk.crtcore.**",
              // Commons Logging's optional back ends, chosen at run time.
              "org.apache.log4j.**",
              "org.apache.log.**",
              "org.apache.avalon.**",
              // Netty's optional native TLS, ALPN and compression libraries and GraalVM hooks.
              "io.netty.internal.tcnative.**",
              "org.conscrypt.**",
              "org.eclipse.jetty.alpn.**",
              "org.eclipse.jetty.npn.**",
              "com.aayushatharva.brotli4j.**",
              "com.github.luben.zstd.**",
              "com.jcraft.jzlib.**",
              "com.ning.compress.**",
              "lzma.sdk.**",
              "net.jpountz.**",
              "com.oracle.svm.**",
              "reactor.blockhound.**")
          .map(p -> ClassPattern.parse(p, Setting.ALLOWED_MISSING))
          .toList();

  private KnownOptional() {}

  static boolean covers(String className) {
    return PACKAGES.stream().anyMatch(p -> p.matches(className));
  }

  static List<ClassPattern> patterns() {
    return PACKAGES;
  }
}
