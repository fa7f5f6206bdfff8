package dev.lambdalayer.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The libraries the Lambda Java runtime puts on its own class loader, ahead of {@code /var/task}
 * and {@code /opt}: a copy in a zip never loads, so by default no zip carries one. This is the one
 * table of them; the class-path check knows their packages ({@code JavaRuntimeClasses}).
 */
public final class LambdaRuntimeLibraries {

  /**
   * {@code groupId:artifactId} of each: the handler interfaces, the serialization library, and the
   * runtime interface client (the runtime itself, in the managed Java runtimes).
   */
  public static final List<String> COORDINATES =
      List.of(
          "com.amazonaws:aws-lambda-java-core",
          "com.amazonaws:aws-lambda-java-serialization",
          "com.amazonaws:aws-lambda-java-runtime-interface-client");

  private LambdaRuntimeLibraries() {}

  /**
   * The runtime-provided patterns to plan with: the configured ones, plus this table's unless
   * {@code packageRuntimeLibraries} asks to put those libraries into the zips after all.
   */
  public static List<ArtifactPattern> withDefaults(
      List<ArtifactPattern> configured, boolean packageRuntimeLibraries) {
    if (packageRuntimeLibraries) {
      return List.copyOf(configured);
    }
    List<ArtifactPattern> patterns = new ArrayList<>(configured);
    COORDINATES.forEach(c -> patterns.add(ArtifactPattern.parse(c, Setting.RUNTIME_PROVIDED)));
    return List.copyOf(patterns);
  }
}
