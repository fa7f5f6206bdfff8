package dev.lambdalayer.core.model;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes files through a temporary sibling and a rename, so a reader (or an interrupted build)
 * never sees half a file.
 */
public final class AtomicFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /**
   * A fresh path next to {@code target}, on the same file system so the rename is atomic. The file
   * is not created here: created by its writer it gets the usual permissions (the umask's), where a
   * JDK temporary file is readable by its owner only.
   */
  public static Path temporarySibling(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return parent.resolve(
        "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
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
