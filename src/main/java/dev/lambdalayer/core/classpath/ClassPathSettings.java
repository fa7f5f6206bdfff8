package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.ClassPattern;
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
 *     provider on the class path, beyond those {@link KnownServices} knows
 */
public record ClassPathSettings(
    String handler,
    List<ClassPattern> allowedDuplicates,
    List<ClassPattern> allowedMissing,
    List<String> singleProviderServices) {

  public ClassPathSettings {
    handler = handler == null || handler.isBlank() ? null : handler.trim();
    allowedDuplicates = List.copyOf(allowedDuplicates);
    allowedMissing = List.copyOf(allowedMissing);
    singleProviderServices = List.copyOf(singleProviderServices);
  }

  /** Settings without extra single-provider services. */
  public ClassPathSettings(
      String handler, List<ClassPattern> allowedDuplicates, List<ClassPattern> allowedMissing) {
    this(handler, allowedDuplicates, allowedMissing, List.of());
  }
}
