package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.zip.UpToDateCheck;
import dev.lambdalayer.core.zip.WrittenZip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Lets the modules of one reactor build write a layer zip of identical content once: the first
 * module to write it publishes it here under the fingerprint of its inputs ({@link
 * UpToDateCheck#fingerprint}, which decides every byte), and the others hard-link it into their own
 * output directory instead of writing it again.
 *
 * <p>Safe between parallel Mojo executions ({@code -T}): there is no shared state in memory; an
 * entry is published by {@link Files#createLink}, which is atomic and never replaces an existing
 * entry, and its figures are recorded before it appears. A module that loses the race keeps the
 * winner's entry (the bytes are identical) and links to it too. Where hard links are not supported
 * (another file system, say) files are copied instead.
 *
 * <p>So that modules building in parallel do not all write the same zip at once, the first one
 * claims it ({@code <fingerprint>.writing}, created atomically and holding the writer's process id)
 * and the others wait for its entry. A claim whose process is gone (a killed build) is taken over;
 * a module waits at most {@link ReactorClaim#MAX_WAIT} and then writes the zip itself.
 */
final class ReactorLayerCache {

  private final Path directory;

  ReactorLayerCache(Path directory) {
    this.directory = directory;
  }

  /**
   * Either the zip another module wrote, linked into {@code outputDirectory}, or the claim to write
   * it (null {@code claim}: write it without one); {@link ReactorClaim#release} the claim once
   * published.
   */
  record Lookup(WrittenZip linked, Path claim) {}

  /** Links the cached zip, waiting for the module that claimed it, or claims it. */
  Lookup linkOrClaim(String fingerprint, Path outputDirectory, UnaryOperator<String> fileName)
      throws IOException {
    Files.createDirectories(directory);
    Path claim = directory.resolve(fingerprint + ".writing");
    long deadline = System.nanoTime() + ReactorClaim.MAX_WAIT.toNanos();
    while (true) {
      Optional<WrittenZip> linked = link(fingerprint, outputDirectory, fileName);
      if (linked.isPresent()) {
        return new Lookup(linked.get(), null);
      }
      if (ReactorClaim.tryClaim(claim)) {
        // Published and released between the look-up and the claim?
        linked = link(fingerprint, outputDirectory, fileName);
        if (linked.isPresent()) {
          ReactorClaim.release(claim);
          return new Lookup(linked.get(), null);
        }
        return new Lookup(null, claim);
      }
      if (ReactorClaim.breakIfStale(claim)) {
        continue; // a killed build's claim: take it over
      }
      if (System.nanoTime() > deadline) {
        return new Lookup(null, null);
      }
      try {
        ReactorClaim.pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Lookup(null, null);
      }
    }
  }

  /**
   * Links the cached zip with this fingerprint to the file {@code fileName} in {@code
   * outputDirectory}, if the cache holds it.
   */
  Optional<WrittenZip> link(
      String fingerprint, Path outputDirectory, UnaryOperator<String> fileName) throws IOException {
    Optional<WrittenZip> cached = find(fingerprint);
    if (cached.isEmpty()) {
      return Optional.empty();
    }
    WrittenZip entry = cached.get();
    Path target = outputDirectory.resolve(fileName.apply(entry.sha256()));
    linkOrCopy(entry.file(), target);
    return Optional.of(relocated(entry, target));
  }

  /**
   * Publishes a zip just written to {@code zip.file()}, unless another module did first; then the
   * module's file is replaced by a link to that entry, so the reactor holds one copy.
   *
   * @return the module's zip
   */
  WrittenZip publish(String fingerprint, WrittenZip zip) throws IOException {
    Files.createDirectories(directory);
    // Figures first: an entry that exists always has them.
    AtomicFiles.write(
        metaFile(fingerprint),
        String.join(
                "\t",
                zip.sha256(),
                Long.toString(zip.zippedBytes()),
                Long.toString(zip.unzippedBytes()),
                Integer.toString(zip.fileCount()))
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8));
    Path entry = zipFile(fingerprint);
    try {
      try {
        Files.createLink(entry, zip.file());
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (IOException | UnsupportedOperationException e) {
        Path temporary = AtomicFiles.temporarySibling(entry);
        try {
          Files.copy(zip.file(), temporary);
          Files.move(temporary, entry); // no REPLACE_EXISTING: an existing entry is kept
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
      return zip;
    } catch (FileAlreadyExistsException e) {
      Optional<WrittenZip> winner = find(fingerprint);
      if (winner.isEmpty() || !winner.get().sha256().equals(zip.sha256())) {
        return zip; // not the same bytes after all: keep this module's own zip
      }
      linkOrCopy(winner.get().file(), zip.file());
      return relocated(winner.get(), zip.file());
    }
  }

  Optional<WrittenZip> find(String fingerprint) {
    Path zip = zipFile(fingerprint);
    Path meta = metaFile(fingerprint);
    try {
      if (!Files.isRegularFile(zip) || !Files.isRegularFile(meta)) {
        return Optional.empty();
      }
      String[] f = Files.readString(meta, StandardCharsets.UTF_8).trim().split("\t");
      long zipped = Long.parseLong(f[1]);
      if (Files.size(zip) != zipped) {
        return Optional.empty();
      }
      return Optional.of(
          new WrittenZip(zip, zipped, Long.parseLong(f[2]), Integer.parseInt(f[3]), f[0]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable entry: write the zip as if there were none
    }
  }

  /** Puts {@code source} at {@code target} through a temporary sibling and an atomic rename. */
  private static void linkOrCopy(Path source, Path target) throws IOException {
    Path temporary = AtomicFiles.temporarySibling(target);
    try {
      try {
        Files.createLink(temporary, source);
      } catch (IOException | UnsupportedOperationException e) {
        Files.deleteIfExists(temporary);
        Files.copy(source, temporary);
      }
      AtomicFiles.replace(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static WrittenZip relocated(WrittenZip zip, Path file) {
    return new WrittenZip(
        file, zip.zippedBytes(), zip.unzippedBytes(), zip.fileCount(), zip.sha256());
  }

  private Path zipFile(String fingerprint) {
    return directory.resolve(fingerprint + ".zip");
  }

  private Path metaFile(String fingerprint) {
    return directory.resolve(fingerprint + ".meta");
  }
}
