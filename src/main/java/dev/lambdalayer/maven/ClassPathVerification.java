package dev.lambdalayer.maven;

import dev.lambdalayer.core.classpath.ClassPathCheck;
import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.classpath.ClassPathSettings;
import dev.lambdalayer.core.model.ClassPattern;
import dev.lambdalayer.core.model.Setting;
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

  /** The core settings from the POM's values; blank entries are ignored. */
  public static ClassPathSettings settings(
      String handler, List<String> allowedDuplicates, List<String> allowedMissing) {
    return new ClassPathSettings(
        handler,
        patterns(allowedDuplicates, Setting.ALLOWED_DUPLICATES),
        patterns(allowedMissing, Setting.ALLOWED_MISSING));
  }

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
    if (!result.allowedMissing().isEmpty()) {
      log.info(
          "  "
              + result.allowedMissing().size()
              + " referenced classes of optional libraries are absent, as allowed (see "
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
    message.append(
        result.missingOnlyByPlacement()
            ? "\nFix: Maven has every missing class on its runtime class path; the zips leave"
                + " their libraries out. Remove the patterns that match them from "
                + SettingNames.of(Setting.RUNTIME_PROVIDED)
                + ", or make the shared layer's jars available (mvn install in the layer"
                + " project)."
            : "\nFix: add the missing libraries in compile or runtime scope (or to a layer),"
                + " remove one version of each conflicting library, or allow known-optional"
                + " classes with <allowedMissing> (-Dlambda.allowedMissing).");
    if (failOnError) {
      throw new MojoFailureException(message.toString());
    }
    errors.forEach(e -> log.error("Class path: " + e));
  }

  private static List<ClassPattern> patterns(List<String> texts, Setting setting) {
    return PomValues.trimmed(texts).stream().map(t -> ClassPattern.parse(t, setting)).toList();
  }
}
