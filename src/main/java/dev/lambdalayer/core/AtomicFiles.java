package dev.lambdalayer.core;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files through a temporary sibling and a rename, so a reader (or an interrupted build)
 * never sees half a file.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * A fresh temporary file next to {@code target}, on the same file system so the rename is atomic.
   */
  public static Path temporarySibling(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
  }

  /** Moves {@code temporary} over {@code target}, atomically where the file system allows it. */
  public static void replace(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes {@code content} to {@code target} atomically. */
  public static void write(Path target, byte[] content) throws IOException {
    Path temporary = temporarySibling(target);
    try {
      Files.write(temporary, content);
      replace(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
