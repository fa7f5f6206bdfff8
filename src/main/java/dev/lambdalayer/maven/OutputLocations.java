package dev.lambdalayer.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Checks {@code <outputDirectory>} and {@code <lockfile>} before a goal writes anything: the OS
 * would otherwise answer with bare text ("Is a directory", "Not a directory"), and an output
 * directory such as {@code /} would receive zips and {@code build.json}, with older zips removed
 * from it.
 */
final class OutputLocations {

  static final String OUTPUT_DIRECTORY = "<outputDirectory> (-Dlambda.outputDirectory)";
  static final String ALLOW_OUTSIDE =
      "<allowOutsideProject>true</allowOutsideProject>"
          + " (-Dlambda.outputDirectory.allowOutsideProject=true)";
  static final String LOCKFILE = "<lockfile> (-Dlambda.lockfile)";

  private OutputLocations() {}

  /**
   * @param basedir the project's base directory; null when unknown
   * @param buildDirectory the project's build directory; null when unknown
   * @param allowOutside the user's opt-in to a directory outside both
   * @throws MojoFailureException naming the setting, the path, what is wrong and the fix
   */
  static void checkOutputDirectory(
      Path directory, Path basedir, Path buildDirectory, boolean allowOutside)
      throws MojoFailureException {
    Path dir = directory.toAbsolutePath().normalize();
    if (dir.getParent() == null) {
      // Even on purpose: the root is never a directory of one build's files.
      throw new MojoFailureException(
          OUTPUT_DIRECTORY
              + " is "
              + dir
              + ", the root of the file system: zips and build.json would be written there and"
              + " older zips removed from it. Fix: choose a directory of its own, e.g. the default"
              + " ${project.build.directory}/lambda.");
    }
    if (!allowOutside && !inside(dir, basedir) && !inside(dir, buildDirectory)) {
      throw new MojoFailureException(
          OUTPUT_DIRECTORY
              + " is "
              + dir
              + ", outside the project ("
              + (basedir == null ? "its base directory is unknown" : basedir)
              + "): the plugin writes zips and reports there and removes its older zips. Fix:"
              + " choose a directory inside the project, e.g. the default"
              + " ${project.build.directory}/lambda, or set "
              + ALLOW_OUTSIDE
              + " to use "
              + dir
              + " on purpose.");
    }
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new MojoFailureException(
            OUTPUT_DIRECTORY
                + " is "
                + dir
                + (p.equals(dir)
                    ? ", which is a file, not a directory"
                    : ", which cannot be created: " + p + " is a file, not a directory")
                + ". Fix: choose another directory, or move the file away.");
      }
      if (Files.isDirectory(p)) {
        if (!Files.isWritable(p)) {
          throw new MojoFailureException(
              OUTPUT_DIRECTORY
                  + " is "
                  + dir
                  + (p.equals(dir) ? ", which" : ", whose existing parent " + p)
                  + " is not writable. Fix: make it writable (e.g. chmod u+w "
                  + p
                  + ") or choose another directory.");
        }
        break;
      }
    }
  }

  /**
   * @throws MojoFailureException when {@code lockfile} is a directory, or lies under a file
   */
  static void checkLockfile(Path lockfile) throws MojoFailureException {
    Path file = lockfile.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new MojoFailureException(
          LOCKFILE
              + " is "
              + file
              + ", which is a directory. Fix: name a file, e.g. the default"
              + " ${project.basedir}/lambda-layers.lock.json, or remove the directory.");
    }
    for (Path p = file.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new MojoFailureException(
            LOCKFILE
                + " is "
                + file
                + ", which cannot be written: "
                + p
                + " is a file, not a directory. Fix: name a file in a directory.");
      }
    }
  }

  private static boolean inside(Path dir, Path root) {
    return root != null && dir.startsWith(root.toAbsolutePath().normalize());
  }
}
