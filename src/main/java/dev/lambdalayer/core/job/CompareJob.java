package dev.lambdalayer.core.job;

import dev.lambdalayer.core.classpath.BuildReportReader;
import dev.lambdalayer.core.compare.CompareReport;
import dev.lambdalayer.core.compare.FatJarComparison;
import dev.lambdalayer.core.compare.IntendedChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The core of {@code lambda:compare}: compares the fat jar or zip deployed today with the zips that
 * {@code build.json} describes, writes {@code compare.json} and logs a summary.
 */
public final class CompareJob {

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

  private CompareJob() {}

  /**
   * @param outputDirectory where {@code lambda:layer} wrote {@code build.json} and the zips, and
   *     where {@code compare.json} goes
   * @param oldArtifact the shaded jar or assembly zip deployed today
   * @param oldName how the report and the log name it
   * @throws NoSuchFileException when {@code oldArtifact} does not exist
   * @throws dev.lambdalayer.core.compare.NotAnArchiveException when it is no zip or jar
   */
  public static CompareReport run(
      Path outputDirectory, Path oldArtifact, String oldName, JobLog log) throws IOException {
    Path buildJson = outputDirectory.resolve("build.json");
    if (!Files.isRegularFile(buildJson)) {
      throw new NotPackagedException(buildJson);
    }
    if (!Files.isRegularFile(oldArtifact)) {
      throw new NoSuchFileException(oldArtifact.toString(), null, "does not exist");
    }
    CompareReport report =
        FatJarComparison.compare(
            oldArtifact,
            oldName,
            BuildReportReader.read(buildJson),
            IntendedChanges.read(buildJson));
    Path target = outputDirectory.resolve("compare.json");
    report.write(target);
    report.summary().forEach(log::info);
    report.warnings().forEach(log::warn);
    log.info("Details: " + target);
    return report;
  }
}
