package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.zip.UpToDateCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
