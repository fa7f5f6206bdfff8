package dev.lambdalayer.maven;

import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.classpath.ClassPathSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The class-path check's parameters as a goal read them ({@code <handler>}, {@code
 * <allowedDuplicates>}, {@code <allowedMissing>}, {@code <singleProviderServices>}, {@code
 * <failOnClassPathError>}, {@code <skipClasspath>}), used the same way by every goal that runs the
 * check.
 */
record ClassPathParameters(
    String handler,
    List<String> allowedDuplicates,
    List<String> allowedMissing,
    List<String> singleProviderServices,
    boolean failOnError,
    boolean skip) {

  private static final String SKIPPING =
      "Skipping the class-path check: lambda.classpath.skip is set.";

  /**
   * The check's settings, keeping each jar's parsed classes under {@code outputDirectory} by
   * SHA-256; null when {@code <skipClasspath>} is set.
   */
  ClassPathSettings settings(Path outputDirectory) {
    return skip
        ? null
        : ClassPathVerification.settings(
                handler, allowedDuplicates, allowedMissing, singleProviderServices)
            .withIndexCache(outputDirectory.resolve(".state/class-index"));
  }

  /** Logs a report the core wrote, and fails on its errors when {@code <failOnError>} says so. */
  void render(ClassPathReport report, Path outputDirectory, Log log) throws MojoFailureException {
    if (report == null) {
      log.info(SKIPPING);
      return;
    }
    ClassPathVerification.render(
        report, outputDirectory.resolve("classpath.json"), failOnError, log);
  }

  /** Runs the check on {@code input}, writing {@code classpath.json}, unless it is skipped. */
  void verify(ClassPathInput input, Path outputDirectory, Log log)
      throws MojoFailureException, IOException {
    if (skip) {
      log.info(SKIPPING);
      return;
    }
    ClassPathVerification.verify(
        input,
        settings(outputDirectory),
        outputDirectory.resolve("classpath.json"),
        failOnError,
        log);
  }
}
