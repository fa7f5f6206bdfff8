package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.InMemoryAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambda:audit} against a lockfile and an in-memory AWS: when it passes, warns or fails. */
@MojoTest
@Basedir("/unit/audit-mojo")
class AuditMojoTest {

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
            .jar("org.slf4j:slf4j-api:2.0.17");
    aws.createFunction(REGION, "hello");
  }

  /** Every goal of a test writes into the test's directories and logs into {@link #log}. */
  private void prepare(Mojo... mojos) throws Exception {
    for (Mojo mojo : mojos) {
      setVariableValueToObject(mojo, "outputDirectory", temp.resolve("target/lambda").toFile());
      setVariableValueToObject(mojo, "allowOutsideProject", true);
      setVariableValueToObject(mojo, "lockfile", temp.resolve("lambda-layers.lock.json").toFile());
      if (mojo instanceof PublishMojo) {
        setVariableValueToObject(mojo, "classesDirectory", graph.classes().toFile());
        setVariableValueToObject(
            mojo,
            "terraformVarsFile",
            temp.resolve("target/lambda/lambda-layers.auto.tfvars.json").toFile());
      }
      mojo.setLog(log);
    }
  }

  @Test
  void theLockedGraphIsCleanAndCallsNoAws(
      @InjectMojo(goal = "lock") LockMojo lock, @InjectMojo(goal = "audit") AuditMojo audit)
      throws Exception {
    prepare(lock, audit);
    lock.execute();

    audit.execute();

    assertThat(aws.opened()).isEmpty();
    assertThat(Files.readString(temp.resolve("target/lambda/audit.json")))
        .contains("\"clean\": true");
    assertThat(log.text()).contains("checks passed; reports in");
  }

  /** Issue 13 item 14: with no lockfile, the error went on with advice for a checksum mismatch. */
  @Test
  void aMissingLockfileFailsWithAdviceForThatAlone(@InjectMojo(goal = "audit") AuditMojo audit)
      throws Exception {
    prepare(audit);

    assertThatThrownBy(audit::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("there is no lockfile at")
        .hasMessageContaining("run mvn lambda:lock to create it")
        .hasMessageNotContaining("checksum mismatch")
        .hasMessageNotContaining("local repository");
  }

  /**
   * Issue 13 item 14: the audit of a swapped jar advises on the checksum; re-locking over it then
   * logged the integrity change at INFO, where a CI log reader does not look.
   */
  @Test
  void anIntegrityMismatchIsAdvisedOnAndReLockingOverItWarns(
      @InjectMojo(goal = "lock") LockMojo lock, @InjectMojo(goal = "audit") AuditMojo audit)
      throws Exception {
    prepare(lock, audit);
    lock.execute();
    Path databind =
        graph.artifacts.stream()
            .filter(a -> a.coordinates().artifactId().equals("jackson-databind"))
            .findFirst()
            .orElseThrow()
            .file();
    Path slf4j =
        graph.artifacts.stream()
            .filter(a -> a.coordinates().artifactId().equals("slf4j-api"))
            .findFirst()
            .orElseThrow()
            .file();
    Files.copy(slf4j, databind, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(audit::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("checksum mismatch")
        .hasMessageNotContaining("there is no lockfile");

    log.lines.clear();
    lock.execute();
    assertThat(log.lines)
        .anyMatch(l -> l.startsWith("[WARNING]") && l.contains("jackson-databind"))
        .noneMatch(l -> l.startsWith("[INFO]") && l.contains("jackson-databind"));
  }

  @Test
  void driftFailsTheBuildUnlessFailOnDriftIsFalse(
      @InjectMojo(goal = "lock") LockMojo lock, @InjectMojo(goal = "audit") AuditMojo audit)
      throws Exception {
    prepare(lock, audit);
    lock.execute();
    graph.artifacts.removeIf(a -> a.coordinates().artifactId().equals("slf4j-api"));

    assertThatThrownBy(audit::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("1 of 6 Lambda audit checks failed against")
        .hasMessageContaining("org.slf4j:slf4j-api:2.0.17 was removed")
        .hasMessageContaining("run mvn lambda:lock and commit")
        .hasMessageContaining(
            "To report drift without failing, set <failOnDrift> (-Dlambda.audit.failOnDrift)"
                + " to false.");

    setVariableValueToObject(audit, "failOnDrift", false);
    audit.execute();
    assertThat(log.lines)
        .anyMatch(l -> l.startsWith("[WARNING] 1 of ") && l.contains("was removed"));
  }

  @Test
  void theRemoteAuditOnlyReadsAndADeletedLayerVersionFailsEvenWithoutFailOnDrift(
      @InjectMojo(goal = "publish") PublishMojo publish,
      @InjectMojo(goal = "audit") AuditMojo audit)
      throws Exception {
    prepare(publish, audit);
    publish.execute();
    setVariableValueToObject(audit, "remote", true);
    int published = aws.calls().size();

    audit.execute();

    List<String> auditCalls = aws.calls().subList(published, aws.calls().size());
    assertThat(auditCalls)
        .containsExactly(
            "GetLayerVersion eu-west-1 json:1", "GetFunctionConfiguration eu-west-1 hello");
    assertThat(log.text())
        .containsPattern("remote-layers\\s+ok")
        .containsPattern("remote-function\\s+ok")
        .contains("Function 'hello': its code is not compared");

    aws.deleteLayerVersion(REGION, "json", 1);
    setVariableValueToObject(audit, "failOnDrift", false);
    assertThatThrownBy(audit::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "version 1 of layer 'json' in eu-west-1 (" + InMemoryAws.layerArn(REGION, "json"))
        .hasMessageContaining("no longer exists")
        .hasMessageContaining("A locked layer version that no longer exists fails it too");
  }
}
