package dev.lambdalayer.core.zip;

import java.io.IOException;
import java.nio.file.Path;

/** A zip refused before or while unpacking: an entry would land outside its folder, or too much. */
public final class UnsafeZipException extends IOException {

  private final Path zip;
  private final String entry;
  private final String problem;

  public UnsafeZipException(Path zip, String entry, String problem) {
    super(
        "Refused to unpack "
            + zip
            + ": entry '"
            + entry
            + "' "
            + problem
            + ". Nothing outside the target folder was written; rebuild the zip from trusted"
            + " inputs.");
    this.zip = zip;
    this.entry = entry;
    this.problem = problem;
  }

  /** The zip that was refused. */
  public Path zip() {
    return zip;
  }

  /** The entry's name as stored in the zip. */
  public String entry() {
    return entry;
  }

  /** What is wrong with the entry, e.g. "climbs out of the target folder with '..'". */
  public String problem() {
    return problem;
  }
}
