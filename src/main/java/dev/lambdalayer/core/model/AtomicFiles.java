package dev.lambdalayer.core.model;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files through a temporary sibling and a rename, so a reader (or an interrupted build)
 * never sees half a file.
 */
public final class AtomicFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** {@link #temporarySibling}'s naming: a dot, the target's name, up to 16 hex digits, .tmp. */
  private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.[0-9a-f]{1,16}\\.tmp");

  /**
   * When this run began: the JVM's start. A file last modified before it cannot belong to a write
   * of this run. (In a long-lived JVM such as mvnd's daemon this is earlier than the build, so a
   * leftover may wait for a later run: safe, if late.)
   */
  private static final Instant RUN_START =
      ProcessHandle.current().info().startInstant().orElseGet(Instant::now);

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

  /** When this run began; files older than this are not being written by it. */
  public static Instant runStart() {
    return RUN_START;
  }

  /**
   * Deletes the temporary files an interrupted run (kill -9, a power cut) left in {@code
   * directory}: only files named as {@link #temporarySibling} names them, for a target {@code
   * isOurs} accepts, and last modified before {@code olderThan} — so neither a user's file nor a
   * write still in progress is touched.
   *
   * @return the deleted files
   */
  public static List<Path> removeLeftovers(
      Path directory, Predicate<String> isOurs, Instant olderThan) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> deleted = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*.tmp")) {
      for (Path file : files) {
        Matcher name = TEMPORARY.matcher(file.getFileName().toString());
        if (name.matches()
            && isOurs.test(name.group(1))
            && isOlderThan(file, olderThan)
            && Files.deleteIfExists(file)) {
          deleted.add(file);
        }
      }
    }
    return deleted;
  }

  /** True for a regular file (not a link) last modified before {@code instant}. */
  public static boolean isOlderThan(Path file, Instant instant) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.isRegularFile()
        && attributes.lastModifiedTime().toInstant().isBefore(instant);
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
