package dev.lambdalayer.maven;

import dev.lambdalayer.core.classpath.ClassPathCheck;
import dev.lambdalayer.core.classpath.ClassPathEntry;
import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.classpath.ClassPathSettings;
import dev.lambdalayer.core.model.ClassPattern;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Plural;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs the class-path check, writes {@code classpath.json}, logs a short summary and fails the
 * build on errors. Shared by {@code lambda:classpath} and any goal that checks right after
 * packaging, e.g. {@code ClassPathVerification.verify(ClassPathInput.of(request, result),
 * ClassPathVerification.settings(handler, allowedDuplicates, allowedMissing),
 * out.resolve("classpath.json"), true, getLog())}.
 */
public final class ClassPathVerification {

  /** Errors listed in the failure message; the rest are in {@code classpath.json}. */
  private static final int SHOWN = 20;

  private ClassPathVerification() {}

  /** The core settings from the POM's values; an empty entry is refused, naming its setting. */
  public static ClassPathSettings settings(
      String handler, List<String> allowedDuplicates, List<String> allowedMissing) {
    return settings(handler, allowedDuplicates, allowedMissing, List.of());
  }

  /**
   * The core settings with the user's single-provider services.
   *
   * @throws InvalidConfigurationException naming {@code <singleProviderServices>} for a value that
   *     is not a class name
   */
  public static ClassPathSettings settings(
      String handler,
      List<String> allowedDuplicates,
      List<String> allowedMissing,
      List<String> singleProviderServices) {
    List<String> services =
        PomValues.trimmed(singleProviderServices, Setting.SINGLE_PROVIDER_SERVICES);
    for (String service : services) {
      if (!SERVICE_NAME.matcher(service).matches()) {
        throw new InvalidConfigurationException(
            new Violation(
                Setting.SINGLE_PROVIDER_SERVICES,
                service,
                "is not a Java interface name",
                "write the binary name of the service interface as in its META-INF/services file"
                    + " name, e.g. software.amazon.awssdk.http.SdkHttpService; separate several"
                    + " with commas"));
      }
    }
    return new ClassPathSettings(
        handler,
        patterns(allowedDuplicates, Setting.ALLOWED_DUPLICATES),
        patterns(allowedMissing, Setting.ALLOWED_MISSING),
        services);
  }

  private static final java.util.regex.Pattern SERVICE_NAME =
      java.util.regex.Pattern.compile(
          "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  /**
   * Checks, reports and, when {@code failOnError}, fails on errors.
   *
   * @throws MojoFailureException listing the errors, each with its chain of classes
   */
  public static ClassPathReport verify(
      ClassPathInput input, ClassPathSettings settings, Path report, boolean failOnError, Log log)
      throws IOException, MojoFailureException {
    ClassPathReport result = ClassPathCheck.run(input, settings);
    result.write(report);
    render(result, report, failOnError, log);
    return result;
  }

  /**
   * Logs a report already written to {@code report} and, when {@code failOnError}, fails on its
   * errors.
   */
  public static void render(ClassPathReport result, Path report, boolean failOnError, Log log)
      throws MojoFailureException {
    log.info(result.summary());
    if (result.handler() == null) {
      log.info(
          "  No <handler> (-Dlambda.handler) set: the handler is not checked, and classes are"
              + " followed from every class of the function.");
    }
    for (ClassPathReport.Shadowing s : result.shadowed()) {
      if (s.byRuntime()) {
        log.info(
            String.format(
                Locale.ROOT,
                "  %d class%s in %s never load: %s provides %s first%s",
                s.classes().size(),
                s.classes().size() == 1 ? "" : "es",
                String.join(", ", s.shadowed().stream().map(Object::toString).toList()),
                s.winner(),
                s.classes().size() == 1 ? "it" : "them",
                s.winner().equals("the Lambda runtime")
                    ? " (<runtimeProvided> can leave the library out)"
                    : ""));
      }
    }
    result.replacedJars().forEach(line -> log.info("  " + line));
    renderResources(result.resources(), report, log);
    if (!result.allowedMissing().isEmpty()) {
      log.info(
          "  "
              + Plural.of(result.allowedMissing().size(), "referenced class", "referenced classes")
              + " of optional libraries "
              + (result.allowedMissing().size() == 1 ? "is" : "are")
              + " absent, as allowed (see "
              + report.getFileName()
              + ")");
    }
    result.warningLines().forEach(line -> log.warn("Class path: " + line));
    List<String> errors = result.errors();
    if (errors.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder("Lambda could not load this function (details in ")
            .append(report)
            .append("):");
    errors.stream().limit(SHOWN).forEach(e -> message.append("\n  - ").append(e));
    if (errors.size() > SHOWN) {
      message.append("\n  ... and ").append(errors.size() - SHOWN).append(" more");
    }
    for (ClassPathReport.Finding finding : result.findings()) {
      message.append("\nFix (").append(finding).append("): ").append(fix(finding));
    }
    if (failOnError) {
      throw new MojoFailureException(message.toString());
    }
    errors.forEach(e -> log.error("Class path: " + e));
    result.findings().forEach(f -> log.error("Class path: Fix (" + f + "): " + fix(f)));
  }

  /** What to change for each kind of finding, naming the setting. */
  static String fix(ClassPathReport.Finding finding) {
    return switch (finding) {
      case HANDLER ->
          "set "
              + SettingNames.of(Setting.HANDLER)
              + " to the class and method Lambda calls (package.Class::method), or change the"
              + " handler class so Lambda can create it and call it";
      case MISSING_CLASS ->
          "add the library that has the class in compile or runtime scope (or to a layer); if the"
              + " code only uses it when present, allow it with "
              + SettingNames.of(Setting.ALLOWED_MISSING);
      case MISSING_BY_PLACEMENT ->
          "Maven has the class on its runtime class path, the zips leave its library out: remove"
              + " the patterns that match it from "
              + SettingNames.of(Setting.RUNTIME_PROVIDED)
              + ", or make the shared layer's jars available (mvn install in the layer project)";
      case SERVICE_PROVIDER_MISSING ->
          "add the library that has the provider class, or exclude the library whose"
              + " META-INF/services file names it (a dependency <exclusion>)";
      case VERSION_CONFLICT ->
          "keep one version of each library: a dependency <exclusion>, or one version in"
              + " <dependencyManagement> for the function and the layers it uses";
      case TOO_NEW ->
          "use a newer runtime in "
              + SettingNames.of(Setting.RUNTIMES)
              + ", or a version of the library compiled for the runtime's Java";
      case MALFORMED_CLASS ->
          "replace the jar named above (a corrupt download: delete it from ~/.m2/repository and"
              + " build again), or exclude its library with a dependency <exclusion>";
    };
  }

  /** Service files, merged and shadowed resources: short in the log, complete in the report. */
  private static void renderResources(ClassPathReport.Resources resources, Path report, Log log) {
    for (ClassPathReport.ServiceFile file : resources.services()) {
      log.info(
          "  Service "
              + file.service()
              + " has providers in "
              + file.copies().size()
              + " places, loaded in this order: "
              + String.join(
                  "; ",
                  file.copies().stream()
                      .map(
                          c -> String.join(", ", c.providers()) + " (" + c.entry().location() + ")")
                      .toList()));
    }
    for (ClassPathReport.MergedResource merged : resources.merged()) {
      log.info(
          "  "
              + merged.resource()
              + " is read from every copy ("
              + merged.copies().size()
              + "): "
              + shortList(merged.copies().stream().map(ClassPathEntry::location).toList(), report));
    }
    if (!resources.shadowedResources().isEmpty()) {
      log.info(
          "  "
              + Plural.of(resources.shadowedResources().size(), "resource is", "resources are")
              + " in several places; the first on the class path wins (list in "
              + report.getFileName()
              + ")");
    }
  }

  /** The first few of a long list, the rest counted: the whole list is in the report. */
  static String shortList(List<String> items, Path report) {
    int shown = 3;
    return items.size() <= shown + 1
        ? String.join(", ", items)
        : String.join(", ", items.subList(0, shown))
            + " and "
            + (items.size() - shown)
            + " more (all in "
            + report.getFileName()
            + ")";
  }

  private static List<ClassPattern> patterns(List<String> texts, Setting setting) {
    return PomValues.trimmed(texts, setting).stream()
        .map(t -> ClassPattern.parse(t, setting))
        .toList();
  }
}
