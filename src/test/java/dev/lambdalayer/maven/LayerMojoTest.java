package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.ResolvedArtifact;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
@Basedir("/unit/layer-mojo")
class LayerMojoTest {

  @TempDir Path temp;

  @Inject MavenProject project;

  private final List<ResolvedArtifact> graph = new ArrayList<>();
  private int resolveCalls;

  /** Stands in for Maven Resolver: hands the Mojo a small graph of real jar files. */
  @Provides
  RuntimeGraphResolver resolver() {
    return new RuntimeGraphResolver(null) {
      @Override
      public DependencyGraph resolve(
          MavenSession session,
          MavenProject project,
          FileDigestCache digests,
          java.util.function.Consumer<String> warn)
          throws IOException {
        resolveCalls++;
        List<ResolvedArtifact> withDigests = new ArrayList<>();
        for (ResolvedArtifact a : graph) {
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

  @BeforeEach
  void setUp() throws IOException {
    FakeRuntimeGraph.functionProject(project);
    String s3 = "software.amazon.awssdk:s3:2.30.0";
    graph.add(jar(s3));
    graph.add(jar("software.amazon.awssdk:sdk-core:2.30.0", s3));
    graph.add(jar("com.fasterxml.jackson.core:jackson-databind:2.18.2"));
    graph.add(
        jar(
            "com.fasterxml.jackson.core:jackson-core:2.18.2",
            "com.fasterxml.jackson.core:jackson-databind:2.18.2"));
    graph.add(jar("com.amazonaws:aws-lambda-java-core:1.2.3"));
    graph.add(jar("org.example:util:1.0"));
    Path classes = temp.resolve("classes/com/example");
    Files.createDirectories(classes);
    Files.write(classes.resolve("Handler.class"), emptyClass("com/example/Handler"));
  }

  /** A real class file, so the class-path check that lambda:layer runs has something to read. */
  private static byte[] emptyClass(String internalName) {
    org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
    writer.visit(
        org.objectweb.asm.Opcodes.V17,
        org.objectweb.asm.Opcodes.ACC_PUBLIC,
        internalName,
        null,
        "java/lang/Object",
        null);
    writer.visitEnd();
    return writer.toByteArray();
  }

  private ResolvedArtifact jar(String gav, String... via) throws IOException {
    String[] p = gav.split(":");
    Path file = temp.resolve("repo").resolve(p[1] + "-" + p[2] + ".jar");
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new ZipEntry(p[1] + ".txt"));
      jar.write(gav.getBytes(StandardCharsets.UTF_8));
    }
    return new ResolvedArtifact(
        Coordinates.of(p[0], p[1], p[2]),
        file,
        FileDigestCache.compute(file),
        "compile",
        Stream.of(via).map(v -> v.split(":")).map(v -> Coordinates.of(v[0], v[1], v[2])).toList(),
        false);
  }

  private Path useTempDirectories(LayerMojo mojo) throws IllegalAccessException {
    Path out = temp.resolve("target/lambda");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "classesDirectory", temp.resolve("classes").toFile());
    return out;
  }

  private static List<String> zipFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".zip"))
          .sorted()
          .toList();
    }
  }

  @Test
  @InjectMojo(goal = "layer")
  void writesZipsSetsPropertiesAndAttachesArtifacts(LayerMojo mojo) throws Exception {
    Path out = useTempDirectories(mojo);

    mojo.execute();

    assertThat(resolveCalls).isEqualTo(1);
    List<String> zips = zipFiles(out);
    assertThat(zips).hasSize(3).contains("my-function-function.zip");
    assertThat(zips).anyMatch(n -> n.matches("aws-[0-9a-f]{12}\\.zip"));
    assertThat(zips).anyMatch(n -> n.matches("json-[0-9a-f]{12}\\.zip"));
    assertThat(out.resolve("build.json")).exists();
    assertThat(Files.readString(out.resolve("build.json")))
        .contains("\"runtimes\": [\n    \"java21\",\n    \"java17\"\n  ]")
        .contains("\"outputTimestamp\": \"2026-01-01T00:00:00Z\"")
        .contains("\"artifactId\": \"aws-lambda-java-core\"");

    String awsFile = zips.stream().filter(n -> n.startsWith("aws-")).findFirst().orElseThrow();
    Path aws = out.resolve(awsFile);
    String awsSha = Hashes.sha256Hex(Files.readAllBytes(aws));
    assertThat(awsFile).isEqualTo("aws-" + awsSha.substring(0, 12) + ".zip");
    assertThat(project.getProperties())
        .containsEntry("lambda.layer.aws.sha256", awsSha)
        .containsEntry("lambda.layer.aws.codeSha256", Hashes.toBase64(awsSha))
        .containsEntry("lambda.layer.aws.file", aws.toString())
        .containsKey("lambda.layer.json.sha256")
        .containsEntry("lambda.function.file", out.resolve("my-function-function.zip").toString())
        .containsEntry(
            "lambda.function.sha256",
            Hashes.sha256Hex(Files.readAllBytes(out.resolve("my-function-function.zip"))));

    Map<String, Artifact> attached =
        project.getAttachedArtifacts().stream()
            .collect(Collectors.toMap(Artifact::getClassifier, a -> a));
    assertThat(attached)
        .containsOnlyKeys("lambda-layer-aws", "lambda-layer-json", "lambda-function");
    assertThat(attached.get("lambda-layer-aws").getFile()).isEqualTo(aws.toFile());
    assertThat(attached.get("lambda-layer-aws").getType()).isEqualTo("zip");
    assertThat(attached.get("lambda-function").getFile())
        .isEqualTo(out.resolve("my-function-function.zip").toFile());

    // json is not transitive: jackson-core stays in the function, with the unmatched util jar;
    // aws-lambda-java-core is provided by the runtime and goes nowhere.
    try (var function =
        new java.util.zip.ZipFile(out.resolve("my-function-function.zip").toFile())) {
      assertThat(function.stream().map(ZipEntry::getName).toList())
          .containsExactly(
              "com/",
              "com/example/",
              "com/example/Handler.class",
              "lib/",
              "lib/com.fasterxml.jackson.core-jackson-core-2.18.2.jar",
              "lib/org.example-util-1.0.jar");
    }
  }

  @Test
  @InjectMojo(goal = "layer")
  void aSecondRunKeepsTheZips(LayerMojo mojo) throws Exception {
    Path out = useTempDirectories(mojo);
    mojo.execute();
    Path function = out.resolve("my-function-function.zip");
    var written = Files.getLastModifiedTime(function);
    String sha = project.getProperties().getProperty("lambda.function.sha256");

    mojo.execute();

    assertThat(Files.getLastModifiedTime(function)).isEqualTo(written);
    assertThat(project.getProperties().getProperty("lambda.function.sha256")).isEqualTo(sha);
  }

  @Test
  @InjectMojo(goal = "layer")
  @MojoParameter(name = "attach", value = "false")
  void attachFalseAttachesNothing(LayerMojo mojo) throws Exception {
    useTempDirectories(mojo);
    mojo.execute();
    assertThat(project.getAttachedArtifacts()).isEmpty();
    assertThat(project.getProperties()).containsKey("lambda.function.sha256");
  }

  @Test
  @InjectMojo(goal = "layer")
  void aFunctionWithoutClassesOfItsOwnIsWarnedAbout(LayerMojo mojo) throws Exception {
    useTempDirectories(mojo);
    setVariableValueToObject(mojo, "classesDirectory", temp.resolve("no-classes").toFile());
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.text())
        .contains(
            "[WARNING] The function zip my-function-function.zip holds only 2 libraries: no"
                + " classes in "
                + temp.resolve("no-classes")
                + " (packaging jar). Add the handler's sources");
  }

  @Test
  @InjectMojo(goal = "layer")
  @MojoParameter(name = "skip", value = "true")
  void skipWritesNothing(LayerMojo mojo) throws Exception {
    Path out = useTempDirectories(mojo);

    mojo.execute();

    assertThat(resolveCalls).isZero();
    assertThat(out).doesNotExist();
    assertThat(project.getAttachedArtifacts()).isEmpty();
    assertThat(project.getProperties().stringPropertyNames())
        .noneMatch(k -> k.startsWith("lambda."));
  }

  private static List<String> entries(Path zip) throws IOException {
    try (var file = new java.util.zip.ZipFile(zip.toFile())) {
      return file.stream().map(ZipEntry::getName).toList();
    }
  }

  private static List<String> allEntries(Path out) throws IOException {
    List<String> all = new ArrayList<>();
    for (String zip : zipFiles(out)) {
      all.addAll(entries(out.resolve(zip)));
    }
    return all;
  }

  /**
   * Issue 13 item 11: aws-lambda-java-core landed in the zips by default, where the runtime's own
   * copy always wins. With no {@code <runtimeProvided>} at all it is now left out.
   */
  @Test
  @InjectMojo(goal = "layer")
  void theLambdaRuntimesOwnLibrariesAreRuntimeProvidedByDefault(LayerMojo mojo) throws Exception {
    Path out = useTempDirectories(mojo);
    setVariableValueToObject(mojo, "runtimeProvided", new ArrayList<String>());
    graph.add(jar("com.amazonaws:aws-lambda-java-serialization:1.4.1"));

    mojo.execute();

    assertThat(allEntries(out))
        .isNotEmpty()
        .noneMatch(e -> e.contains("aws-lambda-java-core"))
        .noneMatch(e -> e.contains("aws-lambda-java-serialization"));
    assertThat(Files.readString(out.resolve("build.json")))
        .contains("\"artifactId\": \"aws-lambda-java-core\"")
        .contains("\"artifactId\": \"aws-lambda-java-serialization\"");
  }

  @Test
  @InjectMojo(goal = "layer")
  @MojoParameter(name = "packageRuntimeLibraries", value = "true")
  void packageRuntimeLibrariesPutsThemIntoTheZipsAgain(LayerMojo mojo) throws Exception {
    Path out = useTempDirectories(mojo);
    setVariableValueToObject(mojo, "runtimeProvided", new ArrayList<String>());

    mojo.execute();

    assertThat(entries(out.resolve("my-function-function.zip")))
        .contains("lib/com.amazonaws-aws-lambda-java-core-1.2.3.jar");
  }

  @Test
  @InjectMojo(goal = "layer")
  @MojoParameter(name = "runtimes", value = "java22")
  void anInvalidRuntimeNamesTheSettingAndTheValue(LayerMojo mojo) throws Exception {
    Path out = useTempDirectories(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<runtimes> (-Dlambda.runtimes)")
        .hasMessageContaining("'java22'")
        .hasMessageContaining("java21");
    assertThat(out.resolve("build.json")).doesNotExist();
    assertThat(project.getAttachedArtifacts()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "layer")
  @MojoParameter(name = "outputTimestamp", value = "not a time")
  void anInvalidTimestampNamesTheSetting(LayerMojo mojo) throws Exception {
    useTempDirectories(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<outputTimestamp> (project.build.outputTimestamp)")
        .hasMessageContaining("'not a time'");
  }

  @Test
  @InjectMojo(goal = "layer")
  void badRuleSyntaxNamesTheIncludeElement(LayerMojo mojo) throws Exception {
    useTempDirectories(mojo);
    LayerConfiguration layer = new LayerConfiguration();
    layer.setName("broken");
    layer.setIncludes(List.of("just-an-artifactId"));
    setVariableValueToObject(mojo, "layers", List.of(layer));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<layers><layer><includes><include> 'just-an-artifactId'");
  }

  @Test
  void defaultLayerNameReplacesCharactersLambdaRejects() {
    assertThat(LayerRules.defaultLayerName("my.function")).isEqualTo("my-function");
    assertThat(LayerRules.defaultLayerName("a".repeat(70))).hasSize(64);
  }
}
