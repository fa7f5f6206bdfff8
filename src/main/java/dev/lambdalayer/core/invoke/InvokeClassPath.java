package dev.lambdalayer.core.invoke;

import dev.lambdalayer.core.classpath.LambdaLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lambda's Java class path over unpacked folders: the runtime's own libraries, then {@code
 * /var/task}, {@code /var/task/lib/*.jar} and {@code /opt/java/lib/*.jar}, each list sorted by file
 * name. All on one class path: the runtime interface client looks for layers in a fixed {@code
 * /opt/java}, so the layers are put where its parent class loader finds them, in the same order.
 */
public final class InvokeClassPath {

  private InvokeClassPath() {}

  public static List<Path> of(List<Path> runtime, Path task, Path opt) throws IOException {
    List<Path> classPath = new ArrayList<>(runtime);
    classPath.add(task);
    classPath.addAll(jars(task.resolve(LambdaLayout.FUNCTION_JARS)));
    classPath.addAll(jars(opt.resolve(LambdaLayout.LAYER_JARS)));
    return classPath;
  }

  /** The jars directly in {@code dir}, by file name, as Lambda lists them. */
  static List<Path> jars(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
  }
}
