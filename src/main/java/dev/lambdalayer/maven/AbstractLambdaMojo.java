package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.JobLog;
import dev.lambdalayer.core.job.PublishRefusedException;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.port.AwsCallException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Handles {@code lambda.skip} and turns the core's typed errors into Maven's once, for every goal
 * (so the goals only call their job and render its outcome); holds the parameters every goal reads
 * ({@code <skip>}, {@code <outputDirectory>}).
 */
public abstract class AbstractLambdaMojo extends AbstractMojo {

  /**
   * Skips every goal of this plugin. Aggregators (packaging {@code pom} with {@code <modules>}) are
   * always skipped: a goal run from the command line on a multi-module build runs in the parent
   * too, which is no function.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * Where the zips, {@code build.json}, {@code classpath.json} and the reports of {@code
   * lambda:audit}, {@code lambda:publish} and {@code lambda:prune} are written. {@code
   * lambda:classpath} reads {@code build.json} and the zips from here.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "lambda.outputDirectory",
      defaultValue = "${project.build.directory}/lambda",
      required = true)
  protected File outputDirectory;

  /**
   * Lets {@code <outputDirectory>} lie outside the project's base and build directories. Off, such
   * a directory is refused: the plugin writes zips and reports into it and removes its own older
   * zips, which in a shared directory is rarely what was meant. The file-system root is refused
   * either way.
   *
   * @since 0.2.0
   */
  @Parameter(property = "lambda.outputDirectory.allowOutsideProject", defaultValue = "false")
  protected boolean allowOutsideProject;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping: lambda.skip is set.");
      return;
    }
    if (isAggregator()) {
      // mvn lambda:publish on a multi-module build runs in the parent too: it is no function.
      getLog().info("Skipping the aggregator " + project.getArtifactId() + ": it has <modules>.");
      return;
    }
    try {
      checkLocations();
      doExecute();
    } catch (InvalidConfigurationException e) {
      // No cause: Maven appends every cause's message to the error line, and the core's message
      // names settings by their internal ids (RUNTIMES 'java99': ...), not as the user writes them.
      throw new MojoFailureException(SettingNames.describe(e));
    } catch (LockfileException e) {
      throw new MojoFailureException(SettingNames.describe(e));
    } catch (PublishRefusedException e) {
      throw new MojoFailureException(JobMessages.publishRefused(e));
    } catch (AwsCallException e) {
      throw new MojoFailureException(JobMessages.awsCall(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException(goal() + " was interrupted", e);
    } catch (IOException e) {
      throw new MojoExecutionException(describe(e), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(describe(e.getCause()), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A value the core or the SDK rejected that no earlier check named: say what and where.
      throw new MojoExecutionException(goal() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses, before anything is written, an output directory that cannot hold this plugin's files
   * or lies outside the project without {@code <allowOutsideProject>}. Goals with a lockfile check
   * it too.
   */
  protected void checkLocations() throws MojoFailureException {
    Path basedir =
        project == null || project.getBasedir() == null ? null : project.getBasedir().toPath();
    Path build =
        project == null || project.getBuild() == null || project.getBuild().getDirectory() == null
            ? null
            : Path.of(project.getBuild().getDirectory());
    OutputLocations.checkOutputDirectory(
        outputDirectory.toPath(), basedir, build, allowOutsideProject);
  }

  /** {@code lambda:<goal>}, for messages. */
  private String goal() {
    return "lambda:" + getClass().getSimpleName().replace("Mojo", "").toLowerCase(Locale.ROOT);
  }

  /** A pom with {@code <modules>}: a parent or aggregator, never a function or layer project. */
  private boolean isAggregator() {
    return project != null
        && "pom".equals(project.getPackaging())
        && project.getModules() != null
        && !project.getModules().isEmpty();
  }

  /** Where a layer project's descriptor is written (and read back by {@code lambda:classpath}). */
  protected Path layerDescriptorFile() {
    return outputDirectory
        .toPath()
        .resolve(project.getArtifactId() + "-" + LayerDescriptor.CLASSIFIER + ".json");
  }

  /** The job's progress, into this goal's log. */
  protected JobLog jobLog() {
    return new MavenJobLog(getLog());
  }

  /** A file as the user knows it: relative to the project when inside it. */
  protected String relativeToProject(File file) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path path = file.toPath().toAbsolutePath();
    return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
  }

  /** A bare NoSuchFileException message is only a path: say what happened to it. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return "File not found: " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "Permission denied: " + denied.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      // The OS's reason alone ("Is a directory") names no file: say which, and why it failed.
      return "Cannot write or read "
          + fs.getFile()
          + (fs.getOtherFile() == null ? "" : " (with " + fs.getOtherFile() + ")")
          + ": "
          + (fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason())
          + ". Check "
          + OutputLocations.OUTPUT_DIRECTORY
          + " and "
          + OutputLocations.LOCKFILE
          + ".";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  protected abstract void doExecute()
      throws MojoExecutionException, MojoFailureException, IOException, InterruptedException;
}
