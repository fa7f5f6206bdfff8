package dev.lambdalayer.core.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A library's jar is not a readable zip (truncated download, damaged file): it must never reach a
 * zip or the lockfile. The message names the file and how to get a good copy.
 */
public final class BrokenJarException extends IOException {

  BrokenJarException(Path file, String library, boolean inRepository, String reason) {
    super(
        "The jar of "
            + library
            + " is broken: "
            + file
            + " is not a readable zip ("
            + reason
            + "), so it is neither packaged nor locked. Fix: "
            + (inRepository
                ? "delete the folder "
                    + file.getParent()
                    + " and build again online (without -o), so that Maven downloads it anew."
                : "rebuild the module that makes it, or delete the file" + " and build again."));
  }
}
