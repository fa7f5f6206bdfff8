package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lambda:invoke takes from the plugin and the machine: launcher classes, runtimes, JDKs. */
class InvokeRuntimeTest {

  @TempDir Path dir;

  @Test
  void theLauncherListNamesEveryCompiledClassOfItsPackage() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target/classes/dev/lambdalayer/launcher"))) {
      assertThat(files.map(f -> f.getFileName().toString().replace(".class", "")).toList())
          .containsExactlyInAnyOrderElementsOf(InvokeRuntime.LAUNCHER_CLASSES);
    }
  }

  @Test
  void aRuntimeIdNamesItsJavaRelease() {
    assertThat(InvokeRuntime.release("java21")).isEqualTo(21);
    assertThat(InvokeRuntime.release("java17.al2023")).isEqualTo(17);
    assertThat(InvokeRuntime.release("java8.al2")).isEqualTo(8);
    assertThat(InvokeRuntime.release("java25")).isEqualTo(25);
  }

  @Test
  void aJdksReleaseComesFromItsReleaseFile() throws IOException {
    Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"21.0.5\"\n");
    assertThat(InvokeJdks.release(dir)).isEqualTo(21);
    Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"1.8.0_432\"\n");
    assertThat(InvokeJdks.release(dir)).isEqualTo(8);
    assertThat(InvokeJdks.release(dir.resolve("missing"))).isEqualTo(-1);
  }
}
