package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
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
  void theLauncherIsCompiledForJava8SoEveryRuntimesJdkRunsIt() throws IOException {
    for (String name : InvokeRuntime.LAUNCHER_CLASSES) {
      byte[] classFile =
          Files.readAllBytes(Path.of("target/classes/dev/lambdalayer/launcher", name + ".class"));
      assertThat(classFile[7] & 0xff).as(name + " major version").isEqualTo(52);
      assertThat(InvokeRuntime.classRelease(classFile)).as(name).isEqualTo(8);
    }
  }

  @Test
  void theRuntimeInterfaceClientRunsOnJava8() throws IOException {
    Path ric =
        Path.of(
            com.amazonaws.services.lambda.runtime.api.client.AWSLambda.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(ric.toFile())) {
      byte[] main =
          zip.getInputStream(zip.getEntry(InvokeRuntime.RIC_MAIN.replace('.', '/') + ".class"))
              .readAllBytes();
      assertThat(InvokeRuntime.classRelease(main)).isEqualTo(8);
    }
  }

  @Test
  void aJdkOlderThanTheClientsClassesIsRefusedNamingBothSettings()
      throws IOException, MojoFailureException {
    byte[] java11Class =
        Files.readAllBytes(Path.of("target/classes/dev/lambdalayer/launcher/ErrorJson.class"));
    java11Class[6] = 0;
    java11Class[7] = 55;
    InvokeRuntime.Jdk java8 = new InvokeRuntime.Jdk(Path.of("/opt/jdk8/bin/java"), 8);
    assertThatThrownBy(() -> InvokeRuntime.requireRuns(java8, java11Class, "The launcher"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("The launcher needs Java 11 or newer")
        .hasMessageContaining("/opt/jdk8/bin/java is Java 8")
        .hasMessageContaining("<jdk> (-Dlambda.invoke.jdk)")
        .hasMessageContaining("<client> (-Dlambda.invoke.client)");
    InvokeRuntime.requireRuns(
        new InvokeRuntime.Jdk(Path.of("java"), 11), java11Class, "The launcher");
  }

  @Test
  void aRuntimeIdNamesItsJavaRelease() {
    assertThat(InvokeRuntime.release("java21")).isEqualTo(21);
    assertThat(InvokeRuntime.release("java17.al2023")).isEqualTo(17);
    assertThat(InvokeRuntime.release("java8.al2")).isEqualTo(8);
    assertThat(InvokeRuntime.release("java25")).isEqualTo(25);
    assertThatThrownBy(() -> InvokeRuntime.release("java29"))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void aJdksReleaseComesFromItsReleaseFile() throws IOException {
    Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"21.0.5\"\n");
    assertThat(InvokeJdks.release(dir)).isEqualTo(21);
    Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"1.8.0_432\"\n");
    assertThat(InvokeJdks.release(dir)).isEqualTo(8);
    assertThat(InvokeJdks.release(dir.resolve("missing"))).isEqualTo(-1);
  }

  @Test
  void aConfiguredJdkOlderThanTheRuntimeIsRefusedWithBothFixes()
      throws IOException, MojoFailureException {
    Files.createDirectories(dir.resolve("bin"));
    Files.writeString(dir.resolve("bin/java"), "");
    Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
    InvokeJdks jdks = new InvokeJdks(null, null, new SystemStreamLog());
    assertThatThrownBy(() -> jdks.find(21, "java21", dir.toFile()))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("The runtime java21 runs Java 21, but " + dir + " is Java 17")
        .hasMessageContaining("~/.m2/toolchains.xml")
        .hasMessageContaining("-Dlambda.invoke.jdk=/path/to/jdk-21");
    assertThat(jdks.find(17, "java17", dir.toFile()).java()).isEqualTo(dir.resolve("bin/java"));
  }

  @Test
  void aFolderThatIsNoJdkIsNamed() {
    InvokeJdks jdks = new InvokeJdks(null, null, new SystemStreamLog());
    assertThatThrownBy(() -> jdks.find(17, "java17", dir.toFile()))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "<jdk> (-Dlambda.invoke.jdk) '" + dir + "' is not a JDK's home folder");
  }

  @Test
  void withoutToolchainsTheJdkRunningMavenServesARuntimeItCovers() throws MojoFailureException {
    InvokeJdks jdks = new InvokeJdks(null, null, new SystemStreamLog());
    int running = Runtime.version().feature();
    assertThat(jdks.find(8, "java8.al2", null).release()).isGreaterThanOrEqualTo(8);
    assertThatThrownBy(() -> jdks.find(running + 50, "java" + (running + 50), null))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("the JDK running Maven is Java " + running);
  }
}
