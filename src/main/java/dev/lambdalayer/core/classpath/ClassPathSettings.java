package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.ClassPattern;
import java.nio.file.Path;
import java.util.List;

/**
 * The user's settings for the class-path check.
 *
 * @param handler Lambda's handler string ({@code com.example.Handler::handleRequest} or {@code
 *     com.example.Handler}); null or blank to skip the handler check and start from every class of
 *     the function instead
 * @param allowedDuplicates classes whose copies in several jars are not reported
 * @param allowedMissing classes that may be referenced without anything providing them
 * @param singleProviderServices service interfaces (binary names) that must have at most one
 *     provider on the class path, beyond those {@code KnownServices} knows
 * @param indexCache the directory where each jar's parsed classes are kept by the jar's SHA-256
 *     across builds; null to parse every time
 */
public record ClassPathSettings(
    String handler,
    List<ClassPattern> allowedDuplicates,
    List<ClassPattern> allowedMissing,
    List<String> singleProviderServices,
    Path indexCache) {

  public ClassPathSettings {
    handler = handler == null || handler.isBlank() ? null : handler.trim();
    allowedDuplicates = List.copyOf(allowedDuplicates);
    allowedMissing = List.copyOf(allowedMissing);
    singleProviderServices = List.copyOf(singleProviderServices);
  }

  /** Settings without a cache across builds. */
  public ClassPathSettings(
      String handler,
      List<ClassPattern> allowedDuplicates,
      List<ClassPattern> allowedMissing,
      List<String> singleProviderServices) {
    this(handler, allowedDuplicates, allowedMissing, singleProviderServices, null);
  }

  /** The same settings, keeping the parsed classes of each jar in {@code directory}. */
  public ClassPathSettings withIndexCache(Path directory) {
    return new ClassPathSettings(
        handler, allowedDuplicates, allowedMissing, singleProviderServices, directory);
  }

  /** Settings without extra single-provider services. */
  public ClassPathSettings(
      String handler, List<ClassPattern> allowedDuplicates, List<ClassPattern> allowedMissing) {
    this(handler, allowedDuplicates, allowedMissing, List.of());
  }
}
