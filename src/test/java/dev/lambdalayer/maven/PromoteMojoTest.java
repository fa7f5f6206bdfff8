package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambda:promote}'s refusals before any AWS call, and its dry run, which reads only the
 * lockfile (so it works offline).
 */
@MojoTest
@Basedir("/unit/prune-mojo")
class PromoteMojoTest {

  private static final String LAYER = "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3";

  @TempDir Path temp;

  @Inject MavenSession session;

  private final InMemoryAws aws = new InMemoryAws();
  private final RecordingLog log = new RecordingLog();

  @Provides
  AwsPorts ports() {
    return aws;
  }

  @BeforeEach
  void setUp() throws Exception {
    LockfileCodec.write(
        new Lockfile(
            1,
            "com.example:my-function",
            "2026-01-01T00:00:00Z",
            ReproducibleZipWriter.FORMAT,
            List.of(),
            new Lockfile.Function("my-function", List.of()),
            List.of(),
            List.of(
                new Lockfile.Deployment(
                    "staging",
                    "eu-west-1",
                    List.of(new Lockfile.DeployedLayer("deps", LAYER, "DEPS=")),
                    new Lockfile.DeployedFunction("hello", "live", "4", "CODE=", List.of(LAYER))))),
        temp.resolve("lambda-layers.lock.json"));
  }

  private static EnvironmentConfiguration environment(String name, String region, String fn) {
    EnvironmentConfiguration e = new EnvironmentConfiguration();
    e.setName(name);
    e.setRegions(List.of(region));
    e.setFunction(fn);
    e.setAlias("live");
    return e;
  }

  private void prepare(PromoteMojo mojo) throws Exception {
    setVariableValueToObject(mojo, "outputDirectory", temp.resolve("target/lambda").toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "lockfile", temp.resolve("lambda-layers.lock.json").toFile());
    setVariableValueToObject(
        mojo,
        "environments",
        List.of(
            environment("staging", "eu-west-1", "hello"),
            environment("prod", "us-east-1", "hello-prod"),
            environment("qa", "eu-central-1", "hello-qa")));
    mojo.setLog(log);
  }

  @Test
  @InjectMojo(goal = "promote")
  @MojoParameter(name = "to", value = "prod")
  void withoutASourceItSaysWhichSettingIsMissing(PromoteMojo mojo) throws Exception {
    prepare(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "<from> (-Dlambda.from): is not set. Fix: name one of the environments, e.g. staging;"
                + " see <environments><environment>.");
    assertThat(aws.opened()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "promote")
  @MojoParameter(name = "from", value = "qa")
  @MojoParameter(name = "to", value = "prod")
  void aSourceWithoutRecordIsRefusedWithHowToMakeOne(PromoteMojo mojo) throws Exception {
    prepare(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("lambda:promote refused; nothing was deployed:")
        .hasMessageContaining("records nothing environment 'qa' runs in [eu-central-1]")
        .hasMessageContaining("lambda:publish -Dlambda.environment=qa");
    assertThat(aws.opened()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "promote")
  @MojoParameter(name = "from", value = "staging")
  @MojoParameter(name = "to", value = "staging")
  void promotingAnEnvironmentToItselfIsRefused(PromoteMojo mojo) throws Exception {
    prepare(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("source and target are both environment 'staging'");
  }

  @Test
  @InjectMojo(goal = "promote")
  @MojoParameter(name = "from", value = "staging")
  @MojoParameter(name = "to", value = "prod")
  @MojoParameter(name = "dryRun", value = "true")
  void aDryRunListsEveryCallFromTheLockfileAloneEvenOffline(PromoteMojo mojo) throws Exception {
    prepare(mojo);
    when(session.isOffline()).thenReturn(true);

    mojo.execute();

    assertThat(aws.opened()).isEmpty();
    assertThat(log.lines)
        .contains(
            "[INFO]   staging eu-west-1: GetFunction hello qualifier live (expect version 4,"
                + " CodeSha256 CODE=, layers ["
                + LAYER
                + "])",
            "[INFO]   staging eu-west-1: GetLayerVersion " + LAYER + " (expect CodeSha256 DEPS=)",
            "[INFO]   prod us-east-1: PublishVersion hello-prod (CodeSha256 CODE=), UpdateAlias live"
                + " (CreateAlias if it does not exist)");
  }

  @Test
  @InjectMojo(goal = "promote")
  @MojoParameter(name = "from", value = "staging")
  @MojoParameter(name = "to", value = "prod")
  void offlineARealPromotionRefusesBeforeAnyAwsCall(PromoteMojo mojo) throws Exception {
    prepare(mojo);
    when(session.isOffline()).thenReturn(true);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("lambda:promote needs the network to reach AWS");
    assertThat(aws.opened()).isEmpty();
  }
}
