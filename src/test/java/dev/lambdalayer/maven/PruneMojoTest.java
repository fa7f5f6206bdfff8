package dev.lambdalayer.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.AwsPorts;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import java.nio.file.Files;
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
 * {@code lambda:prune} against an in-memory AWS: six versions of layer {@code deps}; the lockfile
 * records 1, {@code $LATEST} of {@code hello} uses 2, its alias {@code live} (version 1) uses 3,
 * and {@code <keep>2</keep>} keeps 5 and 6: only 4 goes.
 */
@MojoTest
@Basedir("/unit/prune-mojo")
class PruneMojoTest {

  private static final String REGION = "eu-west-1";

  @TempDir Path temp;

  @Inject MavenSession session;

  private final InMemoryAws aws = new InMemoryAws();
  private final RecordingLog log = new RecordingLog();

  /** The goal's way to AWS: memory instead of the SDK. */
  @Provides
  AwsPorts ports() {
    return aws;
  }

  @BeforeEach
  void setUp() throws Exception {
    for (long v = 1; v <= 6; v++) {
      aws.addLayerVersion(REGION, "deps", "sha256:" + v, "CODE" + v + "=", 1000 * v);
    }
    aws.createFunction(REGION, "hello");
    aws.setFunctionLayers(REGION, "hello", List.of(arn(3)));
    aws.routeAlias(REGION, "hello", "live", aws.publishFunctionVersion(REGION, "hello"), null);
    aws.setFunctionLayers(REGION, "hello", List.of(arn(2)));
    Lockfile.Layer deps =
        new Lockfile.Layer(
            "deps",
            List.of("java21"),
            List.of("x86_64"),
            "0".repeat(64),
            Hashes.toBase64("0".repeat(64)),
            List.of(),
            List.of(
                new Lockfile.Published(
                    REGION, InMemoryAws.ACCOUNT, arn(1), 1, Hashes.toBase64("0".repeat(64)))));
    LockfileCodec.write(
        new Lockfile(
            1,
            "com.example:my-function",
            "2026-01-01T00:00:00Z",
            ReproducibleZipWriter.FORMAT,
            List.of(deps),
            new Lockfile.Function("my-function", List.of())),
        temp.resolve("lambda-layers.lock.json"));
  }

  private static String arn(long version) {
    return InMemoryAws.layerArn(REGION, "deps") + ":" + version;
  }

  private Path prepare(PruneMojo mojo) throws Exception {
    Path out = temp.resolve("target/lambda");
    setVariableValueToObject(mojo, "outputDirectory", out.toFile());
    setVariableValueToObject(mojo, "allowOutsideProject", true);
    setVariableValueToObject(mojo, "lockfile", temp.resolve("lambda-layers.lock.json").toFile());
    mojo.setLog(log);
    return out;
  }

  @Test
  @InjectMojo(goal = "prune")
  void aDryRunListsWhatItWouldDeleteAndWhyTheRestStays(PruneMojo mojo) throws Exception {
    Path out = prepare(mojo);

    mojo.execute();

    assertThat(aws.calls("DeleteLayerVersion")).isEmpty();
    assertThat(aws.layerVersionNumbers(REGION, "deps")).hasSize(6);
    assertThat(log.lines)
        .contains(
            "[INFO]   delete deps eu-west-1 version 4 (4,000 bytes): not among the newest 2, not"
                + " locked, not referenced [dry run]",
            "[INFO]   keep   deps eu-west-1 version 6: one of the newest 2",
            "[INFO]   keep   deps eu-west-1 version 3: used by alias 'live' of function 'hello'"
                + " (version 1)",
            "[INFO]   keep   deps eu-west-1 version 2: used by function 'hello' $LATEST",
            "[INFO]   keep   deps eu-west-1 version 1: recorded in the lockfile");
    assertThat(log.text())
        .contains("(dry run: nothing is deleted)")
        .contains("Dry run: would delete 1 layer version, 4,000 bytes; would keep 5.");
    assertThat(Files.readString(out.resolve("prune.json"))).contains("\"wouldDelete\": 1");
  }

  @Test
  @InjectMojo(goal = "prune")
  @MojoParameter(name = "apply", value = "true")
  void applyDeletesOnlyWhatNothingKeeps(PruneMojo mojo) throws Exception {
    prepare(mojo);

    mojo.execute();

    assertThat(aws.layerVersionNumbers(REGION, "deps")).containsExactly(1L, 2L, 3L, 5L, 6L);
    assertThat(aws.calls("DeleteLayerVersion"))
        .containsExactly("DeleteLayerVersion eu-west-1 deps:4");
    assertThat(log.text()).contains("Deleted 1 layer version, 4,000 bytes freed; kept 5.");
  }

  @Test
  @InjectMojo(goal = "prune")
  @MojoParameter(name = "apply", value = "true")
  void anAwsFailureFailsTheBuildNamingOperationLayerAndRegion(PruneMojo mojo) throws Exception {
    Path out = prepare(mojo);
    aws.failNext("ListLayerVersions", AwsCallException.Kind.OTHER, "Rate exceeded");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "ListLayerVersions for layer 'deps' in eu-west-1 failed: Rate exceeded");
    assertThat(aws.calls("DeleteLayerVersion")).isEmpty();
    assertThat(out.resolve("prune.json")).doesNotExist();
  }

  @Test
  @InjectMojo(goal = "prune")
  @MojoParameter(name = "keep", value = "-1")
  void aNegativeKeepIsRefusedBeforeAnyAwsCall(PruneMojo mojo) throws Exception {
    prepare(mojo);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "<keep> (-Dlambda.prune.keep) '-1': cannot keep a negative number of versions");
    assertThat(aws.opened()).isEmpty();
    assertThat(aws.calls()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "prune")
  void offlineItRefusesBeforeAnyAwsCall(PruneMojo mojo) throws Exception {
    prepare(mojo);
    when(session.isOffline()).thenReturn(true);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("lambda:prune needs the network to reach AWS");
    assertThat(aws.opened()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "prune")
  @MojoParameter(name = "environment", value = "prod")
  void anEnvironmentBringsItsSettingsAndItsRecordedVersionsAreKept(PruneMojo mojo)
      throws Exception {
    prepare(mojo);
    EnvironmentConfiguration prod = new EnvironmentConfiguration();
    prod.setName("prod");
    prod.setProfile("prod-profile");
    prod.setRoleArn("arn:aws:iam::210987654321:role/deployer");
    prod.setRegions(List.of(REGION));
    setVariableValueToObject(mojo, "environments", List.of(prod));
    Path file = temp.resolve("lambda-layers.lock.json");
    Lockfile lock = LockfileCodec.read(file).orElseThrow();
    LockfileCodec.write(
        lock.withEnvironments(
            List.of(
                new Lockfile.Deployment(
                    "prod",
                    REGION,
                    List.of(new Lockfile.DeployedLayer("deps", arn(4), "CODE4=")),
                    null))),
        file);

    mojo.execute();

    assertThat(aws.opened())
        .singleElement()
        .satisfies(
            settings -> {
              assertThat(settings.profile()).isEqualTo("prod-profile");
              assertThat(settings.roleArn()).isEqualTo("arn:aws:iam::210987654321:role/deployer");
            });
    assertThat(log.lines)
        .contains("[INFO]   keep   deps eu-west-1 version 4: recorded in the lockfile")
        .noneMatch(line -> line.contains("delete deps"));
  }

  @Test
  @InjectMojo(goal = "prune")
  @MojoParameter(name = "environment", value = "qa")
  void anUnknownEnvironmentIsRefusedNamingTheDeclaredOnes(PruneMojo mojo) throws Exception {
    prepare(mojo);
    EnvironmentConfiguration prod = new EnvironmentConfiguration();
    prod.setName("prod");
    setVariableValueToObject(mojo, "environments", List.of(prod));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "<environment> (-Dlambda.environment) 'qa': is not a declared environment (declared:"
                + " prod). Fix: use one of the declared names, or declare it; see"
                + " <environments><environment>.");
    assertThat(aws.opened()).isEmpty();
  }
}
