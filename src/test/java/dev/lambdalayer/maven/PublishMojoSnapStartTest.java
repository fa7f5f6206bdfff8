package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.InMemoryAws;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambda:publish -Dlambda.snapStart} against an in-memory AWS. */
@MojoTest
@Basedir("/unit/publish-mojo")
class PublishMojoSnapStartTest {

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
            .jar("org.example:util:1.0");
    aws.createFunction(REGION, "hello");
  }

  private void prepare(PublishMojo mojo) throws Exception {
    Path out = temp.resolve("target/lambda");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "classesDirectory", graph.classes().toFile());
    setVariableValueToObject(mojo, "lockfile", temp.resolve("lambda-layers.lock.json").toFile());
    setVariableValueToObject(
        mojo, "terraformVarsFile", out.resolve("lambda-layers.auto.tfvars.json").toFile());
    setVariableValueToObject(mojo, "snapStart", Boolean.TRUE);
    mojo.setLog(log);
  }

  @Test
  @InjectMojo(goal = "publish")
  void snapStartWithoutAnAliasIsRefusedBeforeAnyCallNamingBothSettings(PublishMojo mojo)
      throws Exception {
    prepare(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<snapStart> (-Dlambda.snapStart) 'true': applies to published")
        .hasMessageContaining("without an alias this publish publishes no version")
        .hasMessageContaining("; see <alias> (-Dlambda.alias).");
    assertThat(aws.calls()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "publish")
  void snapStartOnJava8IsRefusedBeforeAnyCall(PublishMojo mojo) throws Exception {
    prepare(mojo);
    setVariableValueToObject(mojo, "alias", "live");
    setVariableValueToObject(mojo, "runtimes", List.of("java8.al2"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "<snapStart> (-Dlambda.snapStart) 'true': supports Java 11 and later, and the"
                + " runtimes include java8.al2")
        .hasMessageContaining("; see <runtimes> (-Dlambda.runtimes).");
    assertThat(aws.calls()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "publish")
  void snapStartIsSetAndTheVersionAwaitedBeforeTheAliasMoves(PublishMojo mojo) throws Exception {
    prepare(mojo);
    setVariableValueToObject(mojo, "alias", "live");

    mojo.execute();

    assertThat(aws.snapStartApplyOn(REGION, "hello")).isEqualTo("PublishedVersions");
    assertThat(aws.aliasVersion(REGION, "hello", "live")).isEqualTo("1");
    List<String> calls = aws.calls();
    int published = calls.indexOf("PublishVersion eu-west-1 hello");
    int awaited = calls.indexOf("GetFunctionConfiguration eu-west-1 hello:1");
    int moved = calls.indexOf("UpdateAlias eu-west-1 hello:live");
    assertThat(published).isPositive().isLessThan(awaited);
    assertThat(awaited).isLessThan(moved);
    assertThat(log.text())
        .contains("SnapStart turned on (ApplyOn PublishedVersions)")
        .contains("version 1 is Active (SnapStart), alias 'live' moved to it");
  }

  @Test
  @InjectMojo(goal = "publish")
  void aDryRunShowsTheSnapStartSettingAndTheVersionSteps(PublishMojo mojo) throws Exception {
    prepare(mojo);
    setVariableValueToObject(mojo, "alias", "live");
    setVariableValueToObject(mojo, "dryRun", true);

    mojo.execute();

    assertThat(aws.calls()).isEmpty();
    assertThat(log.text())
        .contains("UpdateFunctionConfiguration with SnapStart ApplyOn=PublishedVersions unless set")
        .contains(
            "PublishVersion, wait until the version is Active (SnapStart optimization), then"
                + " move alias 'live'");
  }
}
