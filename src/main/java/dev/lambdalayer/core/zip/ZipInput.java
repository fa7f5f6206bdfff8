package dev.lambdalayer.core.zip;

import dev.lambdalayer.core.model.FileDigest;
import java.nio.file.Path;

/** One file to put into a zip: its name inside the zip, where its bytes are, and their digest. */
public record ZipInput(String name, Path file, FileDigest digest, boolean executable) {

  public ZipInput {
    if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("\\")) {
      throw new IllegalArgumentException("not a zip file entry name: " + name);
    }
  }
}
