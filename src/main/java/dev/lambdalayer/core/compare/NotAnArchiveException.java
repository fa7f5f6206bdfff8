package dev.lambdalayer.core.compare;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when the artifact to compare with is not a zip or jar. */
public final class NotAnArchiveException extends IOException {

  private final Path file;

  NotAnArchiveException(Path file, String problem) {
    super(file + " is not a zip or jar (" + problem + ")");
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
