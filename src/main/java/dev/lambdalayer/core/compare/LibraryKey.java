package dev.lambdalayer.core.compare;

import dev.lambdalayer.core.model.Coordinates;

/** The identity of a library across versions: {@code groupId:artifactId[:classifier]}. */
final class LibraryKey {

  private LibraryKey() {}

  static String of(Coordinates c) {
    return c.key() + (c.classifier().isEmpty() ? "" : ":" + c.classifier());
  }
}
