package dev.lambdalayer.aws;

import java.util.List;

/**
 * Keeps credentials and signatures out of Maven's log, even under {@code mvn -X}.
 *
 * <p>At debug level the SDK's SigV4 signer logs the canonical request and the string to sign; the
 * canonical request carries the value of {@code X-Amz-Security-Token} (a session credential). Maven
 * 3.9 and 4 log through an SLF4J simple logger that reads per-logger levels from system properties
 * when a logger is first created, so capping these loggers before any SDK class logs is enough. The
 * SDK's request logger ({@code software.amazon.awssdk.request}) prints header names only and stays
 * available for {@code -X}.
 */
final class SecretSafeLogging {

  /** Loggers that may print signing material or credential values. */
  static final List<String> CAPPED =
      List.of(
          "software.amazon.awssdk.http.auth",
          "software.amazon.awssdk.auth",
          "software.amazon.awssdk.identity",
          "software.amazon.awssdk.profiles",
          "software.amazon.awssdk.services.s3.internal.crt",
          "software.amazon.awssdk.http.urlconnection");

  private SecretSafeLogging() {}

  static synchronized void install() {
    for (String logger : CAPPED) {
      // Maven 3.9 (maven-slf4j-provider) and SLF4J's simple logger read this prefix...
      System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
      // ...and Maven 4's logger this one.
      System.setProperty("maven.logger.log." + logger, "info");
    }
  }
}
