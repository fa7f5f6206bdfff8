package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambda:lock} through the real resolver, fed with the artifacts Maven resolved for the
 * project ({@code MavenProject#getArtifacts()}), as under {@code requiresDependencyResolution}.
 */
@MojoTest
@Basedir("/unit/lock-mojo")
class LockMojoTest {

  @TempDir Path temp;

  @Inject MavenProject project;

  private final Set<Artifact> artifacts = new LinkedHashSet<>();

  @BeforeEach
  void setUp() throws IOException {
    FakeRuntimeGraph.functionProject(project);
    String s3 = "software.amazon.awssdk:s3:2.30.0";
    String testOnly = "org.example:test-helper:1.0";
    artifacts.add(artifact(s3, "compile", "jar", List.of()));
    artifacts.add(
        artifact("software.amazon.awssdk:sdk-core:2.30.0", "compile", "jar", List.of(s3)));
    // Reached under a test dependency and, farther away, along a compile path: Maven widened its
    // scope to compile and keeps the node under the test dependency.
    artifacts.add(artifact("org.example:widened:1.0", "compile", "jar", List.of(testOnly)));
    artifacts.add(artifact(testOnly, "test", "jar", List.of()));
    artifacts.add(artifact("org.example:bom-like:1.0", "compile", "pom", List.of()));
    project.setArtifacts(artifacts);
    Dependency system = new Dependency();
    system.setGroupId("com.vendor");
    system.setArtifactId("native-driver");
    system.setVersion("2.0");
    system.setScope("system");
    system.setSystemPath("/opt/vendor/driver.jar");
    project.getModel().setDependencies(new ArrayList<>(List.of(system)));
  }

  /** A resolved Maven artifact with a real file and Maven's dependency trail. */
  private Artifact artifact(String gav, String scope, String type, List<String> via)
      throws IOException {
    String[] p = gav.split(":");
    DefaultArtifact artifact =
        new DefaultArtifact(p[0], p[1], p[2], scope, type, null, new DefaultArtifactHandler(type));
    Path file = temp.resolve("repo").resolve(p[1] + "-" + p[2] + "." + type);
    Files.createDirectories(file.getParent());
    if (type.equals("pom")) {
      Files.writeString(file, "<project/>");
    } else {
      try (OutputStream out = Files.newOutputStream(file);
          JarOutputStream jar = new JarOutputStream(out)) {
        jar.putNextEntry(new ZipEntry(p[1] + ".txt"));
        jar.write(gav.getBytes(StandardCharsets.UTF_8));
      }
    }
    artifact.setFile(file.toFile());
    List<String> trail = new ArrayList<>();
    trail.add("com.example:my-function:jar:1.0");
    via.forEach(v -> trail.add(v.replaceFirst("^([^:]+:[^:]+):", "$1:jar:")));
    trail.add(artifact.getId());
    artifact.setDependencyTrail(trail);
    return artifact;
  }

  private Path lockfile(LockMojo mojo) throws IllegalAccessException {
    Path lockfile = temp.resolve("lambda-layers.lock.json");
    setVariableValueToObject(mojo, "lockfile", lockfile.toFile());
    setVariableValueToObject(mojo, "outputDirectory", temp.resolve("target/lambda").toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    return lockfile;
  }

  @Test
  @InjectMojo(goal = "lock")
  void locksExactlyMavensRuntimeClassPathJarsOnly(LockMojo mojo) throws Exception {
    Path lockfile = lockfile(mojo);

    mojo.execute();

    String text = Files.readString(lockfile);
    assertThat(text)
        .contains("\"artifactId\": \"s3\"")
        .contains("\"artifactId\": \"sdk-core\"")
        .contains("\"artifactId\": \"widened\"")
        .doesNotContain("test-helper")
        .doesNotContain("bom-like")
        .doesNotContain("native-driver");
    assertThat(temp.resolve("target/lambda")).doesNotExist();
  }

  @Test
  @InjectMojo(goal = "lock")
  void aTruncatedJarFailsNamingItAndNothingIsLocked(LockMojo mojo) throws Exception {
    Path lockfile = lockfile(mojo);
    Path jar = temp.resolve("repo/widened-1.0.jar");
    byte[] bytes = Files.readAllBytes(jar);
    Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length - 30));

    assertThatThrownBy(mojo::execute)
        .hasMessageContaining("The jar of org.example:widened:1.0 is broken: " + jar)
        .hasMessageContaining("delete the folder " + jar.getParent());
    assertThat(lockfile).doesNotExist();
  }

  @Test
  @InjectMojo(goal = "lock")
  void anUnreadableLockfileIsNeverOverwritten(LockMojo mojo) throws Exception {
    Path lockfile = lockfile(mojo);
    Files.writeString(lockfile, "{ \"lockfileVersion\": 1, ");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    assertThat(Files.readString(lockfile)).isEqualTo("{ \"lockfileVersion\": 1, ");
  }
}
