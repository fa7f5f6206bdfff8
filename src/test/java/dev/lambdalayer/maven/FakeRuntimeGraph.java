package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.ResolvedArtifact;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A project's runtime graph of small real jars and its compiled handler, handed to a Mojo in place
 * of Maven Resolver (through {@link #resolver()}); a test may change the graph between two goals.
 */
final class FakeRuntimeGraph {

  final List<ResolvedArtifact> artifacts = new ArrayList<>();
  private final Path directory;

  FakeRuntimeGraph(Path directory) {
    this.directory = directory;
  }

  /** Adds a jar whose only entry names its coordinates; {@code via} is its path in the graph. */
  FakeRuntimeGraph jar(String gav, String... via) throws IOException {
    String[] p = gav.split(":");
    Path file = directory.resolve("repo").resolve(p[1] + "-" + p[2] + ".jar");
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new ZipEntry(p[1] + ".txt"));
      jar.write(gav.getBytes(StandardCharsets.UTF_8));
    }
    List<Coordinates> path = new ArrayList<>();
    for (String v : via) {
      String[] c = v.split(":");
      path.add(Coordinates.of(c[0], c[1], c[2]));
    }
    artifacts.add(
        new ResolvedArtifact(
            Coordinates.of(p[0], p[1], p[2]),
            file,
            FileDigestCache.compute(file),
            "compile",
            path,
            false));
    return this;
  }

  /** {@code classes/com/example/Handler.class}, a real class file for the class-path check. */
  Path classes() throws IOException {
    Path classes = directory.resolve("classes");
    Files.createDirectories(classes.resolve("com/example"));
    ClassWriter writer = new ClassWriter(0);
    writer.visit(
        Opcodes.V17, Opcodes.ACC_PUBLIC, "com/example/Handler", null, "java/lang/Object", null);
    writer.visitEnd();
    Files.write(classes.resolve("com/example/Handler.class"), writer.toByteArray());
    return classes;
  }

  /** Makes the harness's project the function {@code com.example:my-function:1.0} (a jar). */
  static void functionProject(org.apache.maven.project.MavenProject project) {
    project.setGroupId("com.example");
    project.setArtifactId("my-function");
    project.setVersion("1.0");
    project.setArtifact(
        new org.apache.maven.artifact.DefaultArtifact(
            "com.example",
            "my-function",
            "1.0",
            "compile",
            "jar",
            null,
            new org.apache.maven.artifact.handler.DefaultArtifactHandler("jar")));
  }

  /**
   * Stands in for Maven Resolver: the graph as it is when the goal asks. The harness asks for
   * collaborators before a test's set-up runs, hence the supplier.
   */
  static RuntimeGraphResolver resolver(Supplier<FakeRuntimeGraph> graph) {
    return new RuntimeGraphResolver(null) {
      @Override
      public DependencyGraph resolve(
          MavenSession session,
          MavenProject project,
          FileDigestCache digests,
          Consumer<String> warn)
          throws IOException {
        List<ResolvedArtifact> withDigests = new ArrayList<>();
        for (ResolvedArtifact a : graph.get().artifacts) {
          withDigests.add(
              new ResolvedArtifact(
                  a.coordinates(), a.file(), digests.digest(a.file()), a.scope(), a.via(), false));
        }
        return new DependencyGraph(
            Coordinates.of(project.getGroupId(), project.getArtifactId(), project.getVersion()),
            withDigests);
      }
    };
  }
}
