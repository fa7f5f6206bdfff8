package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.job.LayerJob;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.plan.PackagingRequest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambda:compare} on zips the core packaged, against a shaded jar written here. */
@MojoTest
@Basedir("/unit/compare-mojo")
class CompareMojoTest {

  private static final String SPI = "META-INF/services/com.spi.HttpService";

  @TempDir Path temp;

  private final RecordingLog log = new RecordingLog();

  /** Packages the function with two libraries that both name a provider of one service. */
  private Path packaged() throws Exception {
    Path classes = new FakeRuntimeGraph(temp).classes();
    Path out = temp.resolve("target/lambda");
    new LayerJob(FileDigestCache.load(null))
        .run(
            new LayerJob.Request(
                PackagingRequest.builder(
                        new DependencyGraph(
                            Coordinates.of("com.example", "my-function", "1.0"),
                            List.of(library("a", "org.a.AHttp"), library("b", "org.b.BHttp"))))
                    .classesDirectory(classes)
                    .outputDirectory(out)
                    .build(),
                temp.resolve("lambda-layers.lock.json"),
                "lambda-layers.lock.json",
                null,
                null,
                null));
    return out;
  }

  /** {@code org.<name>:<name>:1.0}: a jar with a marker entry and one service file. */
  private ResolvedArtifact library(String name, String provider) throws Exception {
    Path jar = temp.resolve("repo/" + name + "-1.0.jar");
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new ZipEntry(name + ".txt"));
      out.write(name.getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry(SPI));
      out.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return new ResolvedArtifact(
        Coordinates.of("org." + name, name, "1.0"),
        jar,
        FileDigestCache.compute(jar),
        "compile",
        List.of(),
        false);
  }

  /** What the shade plugin would have written: the classes, one copy of the service file. */
  private Path shadedJar(Path classes) throws Exception {
    Path jar = temp.resolve("app.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new ZipEntry("com/example/Handler.class"));
      out.write(Files.readAllBytes(classes.resolve("com/example/Handler.class")));
      out.putNextEntry(new ZipEntry(SPI));
      out.write("org.a.AHttp\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("a.txt"));
      out.write("a".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  @Test
  @InjectMojo(goal = "compare")
  void writesCompareJsonAndSummarisesTheDifferences(CompareMojo mojo) throws Exception {
    Path out = packaged();
    Path jar = shadedJar(temp.resolve("classes"));
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "compareWith", jar.toFile());
    mojo.setLog(log);

    mojo.execute();

    String json = Files.readString(out.resolve("compare.json"));
    assertThat(json)
        .contains("\"service\": \"com.spi.HttpService\"")
        .contains("\"added\": [\n        \"org.b.BHttp\"")
        .contains("\"name\": \"b.txt\"");
    assertThat(log.text())
        .contains("Compared with " + jar)
        .contains("service files: 1 with other providers")
        .contains("[WARNING] Service file META-INF/services/com.spi.HttpService");
  }

  @Test
  @InjectMojo(goal = "compare")
  void withoutCompareWithItNamesTheSetting(CompareMojo mojo) throws Exception {
    setVariableValueToObject(mojo, "outputDirectory", packaged().toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<compareWith>")
        .hasMessageContaining("-Dlambda.compare.with");
  }

  @Test
  @InjectMojo(goal = "compare")
  void aFileThatIsNoJarIsRefusedNamingTheSetting(CompareMojo mojo) throws Exception {
    Path text = temp.resolve("app.jar");
    Files.writeString(text, "not a jar");
    setVariableValueToObject(mojo, "outputDirectory", packaged().toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "compareWith", text.toFile());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<compareWith> / -Dlambda.compare.with")
        .hasMessageContaining("is not a zip or jar");
  }

  @Test
  @InjectMojo(goal = "compare")
  void aMissingArtifactIsNamedWithTheSetting(CompareMojo mojo) throws Exception {
    setVariableValueToObject(mojo, "outputDirectory", packaged().toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "compareWith", temp.resolve("gone.jar").toFile());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<compareWith> / -Dlambda.compare.with")
        .hasMessageContaining("gone.jar does not exist");
  }

  @Test
  @InjectMojo(goal = "compare")
  void withoutBuildJsonItSaysToRunLambdaLayerFirst(CompareMojo mojo) throws Exception {
    setVariableValueToObject(mojo, "outputDirectory", temp.resolve("nothing").toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "compareWith", shadedJarWithoutBuild().toFile());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("build.json does not exist")
        .hasMessageContaining("Run lambda:layer first");
  }

  private Path shadedJarWithoutBuild() throws Exception {
    Path jar = temp.resolve("app.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new ZipEntry("x.txt"));
    }
    return jar;
  }
}
