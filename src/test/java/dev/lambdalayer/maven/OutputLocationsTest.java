package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <outputDirectory>} and {@code <lockfile>} refused before anything is written (item 2). */
class OutputLocationsTest {

  @TempDir Path project;

  private Path target() {
    return project.resolve("target");
  }

  @Test
  void theRootIsRefusedEvenWithTheOptIn() {
    assertThatThrownBy(
            () -> OutputLocations.checkOutputDirectory(Path.of("/"), project, target(), true))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(
            "<outputDirectory> (-Dlambda.outputDirectory) is /, the root of the file system")
        .hasMessageContaining("Fix: choose a directory of its own");
  }

  @Test
  void aDirectoryOutsideTheProjectNeedsTheOptIn(@TempDir Path elsewhere) throws Exception {
    Path shared = elsewhere.resolve("shared");
    assertThatThrownBy(() -> OutputLocations.checkOutputDirectory(shared, project, target(), false))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("is " + shared + ", outside the project (" + project + ")")
        .hasMessageContaining(
            "<allowOutsideProject>true</allowOutsideProject>"
                + " (-Dlambda.outputDirectory.allowOutsideProject=true)");
    assertThatCode(() -> OutputLocations.checkOutputDirectory(shared, project, target(), true))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                OutputLocations.checkOutputDirectory(
                    project.resolve("target/../target/lambda"), project, target(), false))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                OutputLocations.checkOutputDirectory(
                    project.resolve("../escaped"), project, target(), false))
        .hasMessageContaining("outside the project");
  }

  @Test
  void aFileOrAPathUnderAFileIsNamed() throws Exception {
    Path file = Files.writeString(project.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> OutputLocations.checkOutputDirectory(file, project, target(), false))
        .hasMessage(
            "<outputDirectory> (-Dlambda.outputDirectory) is "
                + file
                + ", which is a file, not a directory. Fix: choose another directory, or move the"
                + " file away.");
    Path under = file.resolve("lambda");
    assertThatThrownBy(() -> OutputLocations.checkOutputDirectory(under, project, target(), false))
        .hasMessageContaining(
            "is " + under + ", which cannot be created: " + file + " is a file, not a directory");
  }

  @Test
  void aLockfileThatIsADirectoryIsNamed() throws Exception {
    Path dir = Files.createDirectory(project.resolve("lambda-layers.lock.json"));
    assertThatThrownBy(() -> OutputLocations.checkLockfile(dir))
        .hasMessageStartingWith(
            "<lockfile> (-Dlambda.lockfile) is "
                + dir
                + ", which is a directory. Fix: name a file");
    Path file = Files.writeString(project.resolve("f"), "x");
    assertThatThrownBy(() -> OutputLocations.checkLockfile(file.resolve("lock.json")))
        .hasMessageContaining(file + " is a file, not a directory");
    assertThatCode(() -> OutputLocations.checkLockfile(project.resolve("lock.json")))
        .doesNotThrowAnyException();
  }
}
