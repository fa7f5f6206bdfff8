package dev.lambdalayer.maven;

import dev.lambdalayer.core.InvalidConfigurationException;
import dev.lambdalayer.core.LockfileException;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Handles {@code lambda.skip} and turns core errors into Maven's once, for every goal. */
public abstract class AbstractLambdaMojo extends AbstractMojo {

  /**
   * Skips every goal of this plugin.
   *
   * @since 0.1.0
   */
  @Parameter(property = "lambda.skip", defaultValue = "false")
  protected boolean skip;

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
    try {
      doExecute();
    } catch (InvalidConfigurationException e) {
      throw new MojoFailureException(SettingNames.describe(e), e);
    } catch (LockfileException e) {
      throw new MojoFailureException(SettingNames.describe(e), e);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  protected abstract void doExecute()
      throws MojoExecutionException, MojoFailureException, IOException;
}
