package dev.lambdalayer.core.compare;

import dev.lambdalayer.core.classpath.ClassPathInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Compares the shaded jar or zip a function is deployed as today with the function and layer zips
 * of this plugin: what Lambda's class loader finds in each.
 */
public final class FatJarComparison {

  private FatJarComparison() {}

  /**
   * @param oldArtifact the shaded jar or assembly zip deployed today
   * @param oldName how the report names it (a path relative to the project, say)
   * @param newZips the zips of {@code lambda:layer}, in Lambda's order
   * @throws NotAnArchiveException when {@code oldArtifact} is no zip or jar
   */
  public static CompareReport compare(
      Path oldArtifact, String oldName, ClassPathInput newZips, IntendedChanges intended)
      throws IOException {
    try (LambdaFiles old = LambdaFiles.ofArtifact(oldArtifact);
        LambdaFiles now = LambdaFiles.ofBuild(newZips)) {
      return ArtifactComparison.compare(oldName, old, now, intended);
    }
  }
}
