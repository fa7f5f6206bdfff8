package dev.lambdalayer.core.model;

import java.util.Objects;

/** Maven coordinates of one library: groupId, artifactId, version and an optional classifier. */
public record Coordinates(
    String groupId, String artifactId, String version, String classifier, String extension) {

  public Coordinates {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    classifier = classifier == null ? "" : classifier;
    extension = extension == null || extension.isEmpty() ? "jar" : extension;
  }

  /** Coordinates of a plain jar. */
  public static Coordinates of(String groupId, String artifactId, String version) {
    return new Coordinates(groupId, artifactId, version, "", "jar");
  }

  /** {@code groupId:artifactId}, the identity of a library across versions. */
  public String key() {
    return groupId + ":" + artifactId;
  }

  /**
   * The file name inside a zip. It carries the groupId so that two artifacts sharing an artifactId
   * never collide, and Lambda's class path (sorted by file name) stays predictable.
   */
  public String fileName() {
    return groupId
        + "-"
        + artifactId
        + "-"
        + version
        + (classifier.isEmpty() ? "" : "-" + classifier)
        + "."
        + extension;
  }

  /** A SNAPSHOT changes with every build, so it never belongs in a layer by default. */
  public boolean isSnapshot() {
    return version.endsWith("-SNAPSHOT") || version.matches(".*-\\d{8}\\.\\d{6}-\\d+$");
  }

  @Override
  public String toString() {
    return groupId
        + ":"
        + artifactId
        + ":"
        + version
        + (classifier.isEmpty() ? "" : ":" + classifier);
  }
}
