package dev.lambdalayer.core.model;

import java.io.IOException;
import java.nio.file.Path;

/** A file's bytes no longer match the digest its zip headers were written from. */
public class InputChangedException extends IOException {

  private final transient Path file;

  public InputChangedException(Path file) {
    super(file + " changed while it was being zipped; run the build again");
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
