package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.zip.UpToDateCheck;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes the zips of layers and functions a build no longer makes (a renamed layer, say), so a
 * {@code *.zip} glob over the output directory finds only what {@code build.json} lists. Only zips
 * this plugin recorded writing are touched, never a file by its name.
 */
final class LeftoverZips {

  private LeftoverZips() {}

  /**
   * Deletes what an interrupted run (kill -9) left in {@code outputDirectory}: temporaries of the
   * zips, reports and build records this plugin writes there, and zips written but never renamed to
   * their final name ({@code .pending-*.zip}), all older than this run. A user's file, even in a
   * shared directory, does not have these names.
   *
   * @return the deleted files
   */
  static List<Path> removeInterruptedWrites(Path outputDirectory) throws IOException {
    Instant runStart = AtomicFiles.runStart();
    List<Path> deleted = new ArrayList<>();
    for (Path directory : List.of(outputDirectory, outputDirectory.resolve("shared"))) {
      deleted.addAll(
          AtomicFiles.removeLeftovers(
              directory, name -> isPending(name) || name.endsWith(".json"), runStart));
      // The state directory holds only this plugin's records.
      deleted.addAll(AtomicFiles.removeLeftovers(directory.resolve(".state"), n -> true, runStart));
      if (Files.isDirectory(directory)) {
        try (DirectoryStream<Path> pending =
            Files.newDirectoryStream(directory, ".pending-*.zip")) {
          for (Path file : pending) {
            if (AtomicFiles.isOlderThan(file, runStart) && Files.deleteIfExists(file)) {
              deleted.add(file);
            }
          }
        }
      }
    }
    return deleted;
  }

  /** The name {@code ZipStep} writes a zip under before its content hash names it. */
  private static boolean isPending(String name) {
    return name.startsWith(".pending-") && name.endsWith(".zip");
  }

  /**
   * Deletes every recorded zip of {@code outputDirectory} that is not one of {@code current}, and
   * its record.
   *
   * @return the deleted files
   */
  static List<Path> removeAllBut(Path outputDirectory, Collection<BuiltZip> current)
      throws IOException {
    Set<Path> kept =
        current.stream().map(z -> z.zip().file().toAbsolutePath()).collect(Collectors.toSet());
    UpToDateCheck records = new UpToDateCheck(outputDirectory.resolve(".state"));
    List<Path> deleted = new ArrayList<>();
    for (String key : records.recordedKeys()) {
      Optional<Path> zip = records.recordedZip(key);
      if (zip.isPresent() && kept.contains(zip.get().toAbsolutePath())) {
        continue;
      }
      if (zip.isPresent() && Files.deleteIfExists(zip.get())) {
        deleted.add(zip.get());
      }
      records.forget(key);
    }
    return deleted;
  }
}
