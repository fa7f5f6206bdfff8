package dev.lambdalayer.core.job;

import dev.lambdalayer.core.classpath.BuildReportReader;
import dev.lambdalayer.core.classpath.ClassPathCheck;
import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.classpath.ClassPathSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The core of {@code lambda:classpath}: checks the zips that {@code build.json} describes and
 * writes {@code classpath.json}. A layer project (a descriptor, no {@code build.json}) has no
 * function to check.
 */
public final class ClassPathJob {

  /** What the check found, or why there was nothing to check. */
  public sealed interface Outcome {}

  /** The report, written to {@code classpath.json}. */
  public record Checked(ClassPathReport report) implements Outcome {}

  /** A layer project: each function that uses the layer checks it. */
  public record LayerProject() implements Outcome {}

  /** Thrown when {@code build.json} is missing: {@code lambda:layer} has not run. */
  public static final class NotPackagedException extends IOException {
    private final Path buildReport;

    NotPackagedException(Path buildReport) {
      super(buildReport + " does not exist");
      this.buildReport = buildReport;
    }

    public Path buildReport() {
      return buildReport;
    }
  }

  private ClassPathJob() {}

  /**
   * @param outputDirectory where {@code lambda:layer} wrote {@code build.json} and the zips
   * @param descriptorFile where a layer project's descriptor would be
   */
  public static Outcome run(Path outputDirectory, Path descriptorFile, ClassPathSettings settings)
      throws IOException {
    Path buildJson = outputDirectory.resolve("build.json");
    if (!Files.isRegularFile(buildJson)) {
      if (Files.isRegularFile(descriptorFile)) {
        return new LayerProject();
      }
      throw new NotPackagedException(buildJson);
    }
    ClassPathReport report = ClassPathCheck.run(BuildReportReader.read(buildJson), settings);
    report.write(outputDirectory.resolve("classpath.json"));
    return new Checked(report);
  }
}
