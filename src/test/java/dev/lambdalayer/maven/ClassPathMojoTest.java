package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.job.LayerJob;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.plan.PackagingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** {@code lambda:classpath} on zips that the core packaged, and without them. */
@MojoTest
@Basedir("/unit/classpath-mojo")
class ClassPathMojoTest {

  @TempDir Path temp;

  /** Packages a function whose handler class uses {@code uses}, as {@code lambda:layer} would. */
  private Path packaged(String uses) throws Exception {
    Path classes = temp.resolve("classes/com/example");
    Files.createDirectories(classes);
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "com/example/Handler", null, uses, null);
    writer
        .visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
            "handleRequest",
            "(Ljava/lang/String;)Ljava/lang/String;",
            null,
            null)
        .visitEnd();
    writer.visitEnd();
    Files.write(classes.resolve("Handler.class"), writer.toByteArray());
    Path out = temp.resolve("target/lambda");
    new LayerJob(FileDigestCache.load(null))
        .run(
            new LayerJob.Request(
                PackagingRequest.builder(
                        new DependencyGraph(
                            Coordinates.of("com.example", "my-function", "1.0"), List.of()))
                    .classesDirectory(temp.resolve("classes"))
                    .outputDirectory(out)
                    .build(),
                temp.resolve("lambda-layers.lock.json"),
                "lambda-layers.lock.json",
                null,
                null,
                null));
    return out;
  }

  @Test
  @InjectMojo(goal = "classpath")
  void checksTheZipsThatBuildJsonDescribes(ClassPathMojo mojo) throws Exception {
    Path out = packaged("java/lang/Object");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);

    mojo.execute();

    assertThat(Files.readString(out.resolve("classpath.json")))
        .contains("\"handler\": \"com.example.Handler::handleRequest\"");
  }

  /** Issue 13 item 13: alone, the goal took runtimes from a stale build.json without a word. */
  @Test
  @InjectMojo(goal = "classpath")
  void saysWhereItsInputCameFromAndWarnsWhenThePomIsNewer(ClassPathMojo mojo) throws Exception {
    Path out = packaged("java/lang/Object");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    Path pom = temp.resolve("pom.xml");
    Files.writeString(pom, "<project/>");
    org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject();
    project.setFile(pom.toFile());
    setVariableValueToObject(mojo, "project", project);
    Files.setLastModifiedTime(
        out.resolve("build.json"), java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.text())
        .contains("Checking the zips and the runtime (")
        .contains("records, written by lambda:layer at 1970-01-01T00:16:40Z")
        .contains("changed after lambda:layer wrote")
        .contains("may be stale");
  }

  @Test
  @InjectMojo(goal = "classpath")
  void aMissingSuperclassFailsTheBuildWithItsChain(ClassPathMojo mojo) throws Exception {
    Path out = packaged("org/gone/Base");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("Lambda could not load this function")
        .hasMessageContaining("Missing class org.gone.Base")
        .hasMessageContaining("Fix (MISSING_CLASS): add the library that has the class");
  }

  @Test
  @InjectMojo(goal = "classpath")
  @MojoParameter(name = "failOnClassPathError", value = "false")
  void failOnErrorFalseOnlyReports(ClassPathMojo mojo) throws Exception {
    Path out = packaged("org/gone/Base");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);

    mojo.execute();

    assertThat(Files.readString(out.resolve("classpath.json"))).contains("org.gone.Base");
  }

  @Test
  @InjectMojo(goal = "classpath")
  void withoutBuildJsonItSaysToRunLambdaLayerFirst(ClassPathMojo mojo) throws Exception {
    setVariableValueToObject(mojo, "outputDirectory", temp.resolve("nothing").toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("build.json does not exist")
        .hasMessageContaining("Run lambda:layer first");
  }
}
