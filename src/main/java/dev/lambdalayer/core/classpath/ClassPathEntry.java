package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.Coordinates;

/**
 * One place on Lambda's class path: the function's root ({@code /var/task}) or one jar, with the
 * zip that delivers it and, when known, the library's coordinates.
 *
 * @param location where Lambda puts it, such as {@code /opt/java/lib/x.jar}
 * @param zip {@code function} or {@code layer <name>}
 * @param coordinates null when the jar does not say which library it is
 */
public record ClassPathEntry(String location, String zip, Coordinates coordinates) {

  @Override
  public String toString() {
    return location + " (" + zip + ")";
  }
}
