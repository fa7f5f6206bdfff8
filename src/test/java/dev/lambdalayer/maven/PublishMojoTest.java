package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.InMemoryAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambda:publish} against an in-memory AWS: what it publishes, deploys and records. */
@MojoTest
@Basedir("/unit/publish-mojo")
class PublishMojoTest {

  private static final String REGION = "eu-west-1";

  @TempDir Path temp;

  @Inject MavenProject project;

  private final InMemoryAws aws = new InMemoryAws();
  private final RecordingLog log = new RecordingLog();
  private FakeRuntimeGraph graph;

  @Provides
  RuntimeGraphResolver resolver() {
    return FakeRuntimeGraph.resolver(() -> graph);
  }

  /** The goal's way to AWS: memory instead of the SDK. */
  @Provides
  AwsPorts ports() {
    return aws;
  }

  @BeforeEach
  void setUp() throws IOException {
    FakeRuntimeGraph.functionProject(project);
    graph =
        new FakeRuntimeGraph(temp)
            .jar("com.fasterxml.jackson.core:jackson-databind:2.18.2")
            .jar(
                "com.fasterxml.jackson.core:jackson-core:2.18.2",
                "com.fasterxml.jackson.core:jackson-databind:2.18.2")
            .jar("org.example:util:1.0");
    aws.createFunction(REGION, "hello");
  }

  private Path prepare(PublishMojo mojo) throws Exception {
    Path out = temp.resolve("target/lambda");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "classesDirectory", graph.classes().toFile());
    setVariableValueToObject(mojo, "lockfile", temp.resolve("lambda-layers.lock.json").toFile());
    setVariableValueToObject(
        mojo, "terraformVarsFile", out.resolve("lambda-layers.auto.tfvars.json").toFile());
    mojo.setLog(log);
    return out;
  }

  @Test
  @InjectMojo(goal = "publish")
  void publishesTheLayerDeploysTheFunctionAndRecordsBoth(PublishMojo mojo) throws Exception {
    Path out = prepare(mojo);

    mojo.execute();

    String arn = InMemoryAws.layerArn(REGION, "json") + ":1";
    assertThat(aws.layerVersionNumbers(REGION, "json")).containsExactly(1L);
    assertThat(aws.functionLayers(REGION, "hello")).containsExactly(arn);
    assertThat(aws.functionCodeSha256(REGION, "hello"))
        .isEqualTo(
            Hashes.toBase64(
                Hashes.sha256Hex(Files.readAllBytes(out.resolve("my-function-function.zip")))));
    assertThat(aws.opened())
        .singleElement()
        .satisfies(s -> assertThat(s.maxAttempts()).isEqualTo(5));
    assertThat(aws.closed()).isEqualTo(1);

    assertThat(project.getProperties())
        .containsEntry("lambda.layer.json.arn", arn)
        .containsEntry("lambda.layer.json.eu-west-1.arn", arn);
    assertThat(Files.readString(temp.resolve("lambda-layers.lock.json")))
        .contains("\"layerVersionArn\": \"" + arn + "\"");
    assertThat(Files.readString(out.resolve("publish.json")))
        .contains("\"outcome\": \"published\"")
        .contains("\"function\": \"hello\"");
    assertThat(out.resolve("classpath.json")).exists();
    assertThat(log.text())
        .contains("layer json")
        .contains("Function 'hello' eu-west-1: code updated")
        .contains("Published 1 layer version in [eu-west-1]; ");
  }

  @Test
  @InjectMojo(goal = "publish")
  void aSecondPublishReusesTheLockedVersion(PublishMojo mojo) throws Exception {
    prepare(mojo);
    mojo.execute();
    int before = aws.calls().size();

    mojo.execute();

    List<String> second = aws.calls().subList(before, aws.calls().size());
    assertThat(second).contains("GetLayerVersion eu-west-1 json:1");
    assertThat(second).noneMatch(c -> c.startsWith("PublishLayerVersion"));
    assertThat(second).noneMatch(c -> c.startsWith("Update"));
    assertThat(aws.layerVersionNumbers(REGION, "json")).containsExactly(1L);
  }

  @Test
  @InjectMojo(goal = "publish")
  void aLayerVersionHoldingOtherContentStopsTheDeployBeforeAnyFunctionCall(PublishMojo mojo)
      throws Exception {
    prepare(mojo);
    mojo.execute();
    // Version 1 keeps the content hash in its Description, but now holds other bytes.
    aws.replaceCodeSha256(REGION, "json", 1, "T3RoZXJDb250ZW50T3RoZXJDb250ZW50T3RoZXJDbw==");
    int before = aws.calls().size();

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("lambda:publish refuses to deploy the function")
        .hasMessageContaining(
            "layer 'json' in eu-west-1 ("
                + InMemoryAws.layerArn(REGION, "json")
                + ":1) holds CodeSha256 T3RoZXJDb250ZW50T3RoZXJDb250ZW50T3RoZXJDbw==, but")
        .hasMessageContaining("delete it, or remove its record from the lockfile")
        .hasMessageContaining("The function was not changed.");
    List<String> second = aws.calls().subList(before, aws.calls().size());
    assertThat(second).noneMatch(c -> c.startsWith("UpdateFunction"));
    assertThat(second).noneMatch(c -> c.startsWith("GetFunctionConfiguration"));
  }

  @Test
  @InjectMojo(goal = "publish")
  void anAwsFailureFailsTheBuildNamingOperationLayerAndRegion(PublishMojo mojo) throws Exception {
    Path out = prepare(mojo);
    aws.failNext("PublishLayerVersion", AwsCallException.Kind.OTHER, "Internal failure");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "PublishLayerVersion for layer 'json' in eu-west-1 failed: Internal failure");
    // Nothing was published, and the records say so; the function was not touched.
    assertThat(aws.layerVersionNumbers(REGION, "json")).isEmpty();
    assertThat(aws.calls()).noneMatch(c -> c.startsWith("UpdateFunction"));
    assertThat(Files.readString(out.resolve("publish.json"))).contains("\"layers\": []");
    assertThat(project.getProperties()).doesNotContainKey("lambda.layer.json.arn");
  }

  @Test
  @InjectMojo(goal = "publish")
  @MojoParameter(name = "dryRun", value = "true")
  void aDryRunCallsNothingAndWritesNoLockfile(PublishMojo mojo) throws Exception {
    prepare(mojo);

    mojo.execute();

    assertThat(aws.calls()).isEmpty();
    assertThat(aws.opened()).isEmpty();
    assertThat(temp.resolve("lambda-layers.lock.json")).doesNotExist();
    assertThat(log.text())
        .contains("Dry run (-Dlambda.dryRun): nothing is called")
        .containsPattern("Layer 'json' eu-west-1 sha256 [0-9a-f]{12}: reuse a version")
        .contains("Function 'hello' eu-west-1: UpdateFunctionCode with my-function-function.zip");
  }

  /** Issue 13 item 15: a dry run without a function said nothing of it. */
  @Test
  @InjectMojo(goal = "publish")
  @MojoParameter(name = "dryRun", value = "true")
  void aDryRunWithoutAFunctionSaysOnlyLayersArePublished(PublishMojo mojo) throws Exception {
    prepare(mojo);
    setVariableValueToObject(mojo, "function", null);

    mojo.execute();

    assertThat(log.text())
        .doesNotContain("UpdateFunctionCode")
        .contains("No function is deployed: <function> (-Dlambda.function) is not set");
  }

  @Test
  @InjectMojo(goal = "publish")
  void withoutARegionTheSdkChainDecidesAndWithoutOneItNamesTheSetting(PublishMojo mojo)
      throws Exception {
    prepare(mojo);
    setVariableValueToObject(mojo, "regions", List.of());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<regions> (-Dlambda.regions)")
        .hasMessageContaining("no region is configured and the AWS SDK found none");
    assertThat(aws.calls()).isEmpty();

    aws.withDefaultRegion(REGION);
    mojo.execute();
    assertThat(aws.layerVersionNumbers(REGION, "json")).containsExactly(1L);
  }

  @Test
  @InjectMojo(goal = "publish")
  void aJarSwappedUnderItsLockedCoordinatesIsNeverPublished(PublishMojo mojo) throws Exception {
    prepare(mojo);
    mojo.execute();
    int before = aws.calls().size();
    // Same coordinates, other bytes: the swap the lockfile exists to catch.
    Path databind = graph.artifacts.get(0).file();
    try (var jar = new JarOutputStream(Files.newOutputStream(databind))) {
      jar.putNextEntry(new ZipEntry("evil.txt"));
      jar.write("not the locked bytes".getBytes(StandardCharsets.UTF_8));
    }

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("lambda:publish refuses to publish: ")
        .hasMessageContaining("checksum mismatch for com.fasterxml.jackson.core:jackson-databind")
        .hasMessageContaining("Run mvn lambda:audit for the full report");
    assertThat(aws.calls()).hasSize(before);
  }

  @Test
  @InjectMojo(goal = "publish")
  @MojoParameter(name = "layerProject", value = "true")
  void aLayerProjectWithAFunctionToDeployIsRefused(PublishMojo mojo) throws Exception {
    prepare(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "A layer project has no function to deploy: remove <function> (-Dlambda.function),"
                + " or set <layerProject>false</layerProject>.");
    assertThat(aws.calls()).isEmpty();
  }
}
