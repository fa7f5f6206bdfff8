package dev.lambdalayer.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks that a jar is a readable zip before it is packaged: its end of central directory is found
 * and every entry of the central directory is listed. This is what a truncated download breaks; the
 * JDK's {@link ZipFile} reads exactly these structures, so no library of ours is needed.
 */
final class JarCheck {

  private JarCheck() {}

  /**
   * @param library the library, for the message
   * @param inRepository whether the file is in a Maven repository (the fix is to download it again)
   */
  static void verify(Path file, String library, boolean inRepository) throws IOException {
    if (Files.size(file) == 0) {
      throw new BrokenJarException(file, library, inRepository, "the file is empty");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      int listed = 0;
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        entries.nextElement();
        listed++;
      }
      if (listed != zip.size()) {
        throw new BrokenJarException(
            file,
            library,
            inRepository,
            "its central directory lists " + zip.size() + " entries but " + listed + " were read");
      }
    } catch (ZipException e) {
      throw new BrokenJarException(file, library, inRepository, e.getMessage());
    }
  }
}
