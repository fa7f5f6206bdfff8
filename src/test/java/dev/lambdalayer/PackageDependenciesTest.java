package dev.lambdalayer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages point one way, {@code maven -> core <- aws}: read from the sources' imports, so a
 * shortcut (a Mojo building an SDK client, the core naming a Maven type) fails the build.
 */
class PackageDependenciesTest {

  private static List<String> imports(String pkg) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/lambdalayer", pkg))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .flatMap(
              f -> {
                try {
                  return Files.readAllLines(f).stream()
                      .filter(l -> l.startsWith("import "))
                      .map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  @Test
  void theCoreImportsNeitherMavenNorAws() throws IOException {
    assertThat(imports("core"))
        .noneMatch(l -> l.contains("org.apache.maven") || l.contains("org.eclipse.aether"))
        .noneMatch(l -> l.contains("software.amazon"))
        .noneMatch(l -> l.contains("dev.lambdalayer.maven") || l.contains("dev.lambdalayer.aws"));
  }

  @Test
  void theMojosReachAwsOnlyThroughTheCorePorts() throws IOException {
    assertThat(imports("maven"))
        .noneMatch(l -> l.contains("software.amazon"))
        .noneMatch(l -> l.contains("dev.lambdalayer.aws"));
  }

  @Test
  void theAwsAdapterImportsNoMaven() throws IOException {
    assertThat(imports("aws"))
        .noneMatch(l -> l.contains("org.apache.maven") || l.contains("org.eclipse.aether"))
        .noneMatch(l -> l.contains("dev.lambdalayer.maven"));
  }
}
