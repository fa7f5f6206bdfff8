package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.AuditReport.Check;
import dev.lambdalayer.core.lock.AuditReport.Finding;
import dev.lambdalayer.core.lock.AuditReport.Kind;
import dev.lambdalayer.core.lock.AuditReport.Severity;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.port.LayerVersionInfo;
import dev.lambdalayer.core.port.LayerVersionReader;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteAuditTest {

  private static final String SHA = "a".repeat(64);
  private static final String CODE_SHA = Hashes.toBase64(SHA);
  private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:jackson:";

  /** Layer versions by "region name version" (name as the ARN without version). */
  private final Map<String, LayerVersionInfo> versions = new HashMap<>();

  private final Map<String, FunctionReader.FunctionState> functions = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private AwsCallException failWith;

  // Read-only ports, as the audit gets them: only the calls it may make are answered.
  private final LayerVersionReader layers =
      new InMemoryAws() {
        @Override
        public Optional<LayerVersionInfo> getLayerVersion(String region, String name, long v) {
          calls.add("GetLayerVersion " + region + " " + name + " " + v);
          if (failWith != null) {
            throw failWith;
          }
          return Optional.ofNullable(versions.get(region + " " + name + " " + v));
        }
      };

  private final FunctionReader reader =
      new InMemoryAws() {
        @Override
        public FunctionState getFunction(String region, String function) {
          calls.add("GetFunctionConfiguration " + region + " " + function);
          FunctionState state = functions.get(region + " " + function);
          if (state == null) {
            throw new AwsCallException(
                "GetFunctionConfiguration",
                "function '" + function + "'",
                region,
                "Function not found",
                AwsCallException.Kind.NOT_FOUND,
                null);
          }
          return state;
        }
      };

  private static Lockfile lockfile(Lockfile.Published... published) {
    Lockfile.Layer layer =
        new Lockfile.Layer(
            "jackson",
            List.of("java21"),
            List.of("x86_64"),
            SHA,
            CODE_SHA,
            List.of(),
            List.of(published));
    return new Lockfile(
        1,
        "g:fn",
        "2026-01-01T00:00:00Z",
        ReproducibleZipWriter.FORMAT,
        List.of(layer),
        new Lockfile.Function("fn", List.of()));
  }

  private static Lockfile.Published published(String region, long version) {
    return new Lockfile.Published(
        region,
        "123456789012",
        "arn:aws:lambda:" + region + ":123456789012:layer:jackson:" + version,
        version,
        CODE_SHA);
  }

  private void remoteVersion(String region, long version, String codeSha256) {
    String layerArn = "arn:aws:lambda:" + region + ":123456789012:layer:jackson";
    versions.put(
        region + " " + layerArn + " " + version,
        new LayerVersionInfo(layerArn + ":" + version, version, "d", codeSha256, 10));
  }

  private static AuditReport local() {
    return new AuditReport(
        "lambda-layers.lock.json",
        List.of(
            new AuditReport.Subject(Kind.LAYER, "jackson", List.of(Check.CONTENT)),
            new AuditReport.Subject(Kind.FUNCTION, "fn", List.of(Check.DEPENDENCIES))),
        List.of());
  }

  private AuditReport audit(Lockfile lock, RemoteAudit.FunctionTarget target) {
    return new RemoteAudit(layers, reader).audit(local(), lock, target);
  }

  private static List<String> messages(AuditReport report) {
    return report.findings().stream()
        .map(f -> f.severity() + " " + f.check().id() + " " + f.subject() + " " + f.message())
        .toList();
  }

  @Test
  void sharedLayersAreComparedWithTheirDescriptorOtherContentIsDriftAMissingVersionAnError() {
    String platform = "arn:aws:lambda:eu-west-1:123456789012:layer:platform";
    versions.put(
        "eu-west-1 " + platform + " 1",
        new LayerVersionInfo(platform + ":1", 1, "d", "OTHER=", 10));
    List<AttachedLayerVerifier.AttachedLayer> shared =
        List.of(
            new AttachedLayerVerifier.AttachedLayer(
                "platform",
                "eu-west-1",
                platform + ":1",
                CODE_SHA,
                AttachedLayerVerifier.Origin.SHARED,
                "the descriptor of shared layer g:p:1"),
            new AttachedLayerVerifier.AttachedLayer(
                "platform",
                "eu-west-1",
                platform + ":2",
                CODE_SHA,
                AttachedLayerVerifier.Origin.SHARED,
                "the descriptor of shared layer g:p:1"));
    remoteVersion("eu-west-1", 1, CODE_SHA);

    AuditReport report =
        new RemoteAudit(layers, reader)
            .audit(local(), lockfile(published("eu-west-1", 1)), null, shared);

    assertThat(messages(report))
        .containsExactly(
            "DRIFT remote-shared-layers platform layer 'platform' in eu-west-1 ("
                + platform
                + ":1) holds CodeSha256 OTHER=, but the descriptor of shared layer g:p:1 records "
                + CODE_SHA
                + ": its content is not what this build checked. Publish the shared layer project"
                + " again and install (or deploy) it, then build this function against the"
                + " descriptor it installs (update the shared layer's version if it changed)",
            "ERROR remote-shared-layers platform layer 'platform' in eu-west-1 ("
                + platform
                + ":2) does not exist (GetLayerVersionByArn: not found); the descriptor of shared"
                + " layer g:p:1 records CodeSha256 "
                + CODE_SHA
                + ". Publish the shared layer project again and install (or deploy) it, then"
                + " build this function against the descriptor it installs (update the shared"
                + " layer's version if it changed)");
    assertThat(report.subjects())
        .anySatisfy(
            s -> {
              assertThat(s.name()).isEqualTo("platform");
              assertThat(s.checks()).containsExactly(Check.REMOTE_SHARED_LAYERS);
            });
  }

  @Test
  void lockedVersionsThatExistWithTheirHashAreClean() {
    remoteVersion("eu-west-1", 1, CODE_SHA);
    remoteVersion("us-east-1", 3, CODE_SHA);
    AuditReport report =
        audit(lockfile(published("eu-west-1", 1), published("us-east-1", 3)), null);
    assertThat(report.clean()).isTrue();
    assertThat(calls)
        .containsExactly(
            "GetLayerVersion eu-west-1 " + ARN.substring(0, ARN.length() - 1) + " 1",
            "GetLayerVersion us-east-1 arn:aws:lambda:us-east-1:123456789012:layer:jackson 3");
    // The remote check joins the layer's existing subject: one subject, two checks.
    assertThat(report.subjects()).hasSize(2);
    assertThat(report.subjects().get(0).checks())
        .containsExactly(Check.CONTENT, Check.REMOTE_LAYERS);
    assertThat(report.checkCount()).isEqualTo(3);
  }

  @Test
  void aDeletedVersionIsAnErrorNamingLayerRegionAndVersion() {
    remoteVersion("eu-west-1", 1, CODE_SHA);
    AuditReport report =
        audit(lockfile(published("eu-west-1", 1), published("us-east-1", 3)), null);
    assertThat(report.hasErrors()).isTrue();
    Finding f = report.findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.check()).isEqualTo(Check.REMOTE_LAYERS);
    assertThat(f.message())
        .contains("version 3 of layer 'jackson' in us-east-1")
        .contains("no longer exists")
        .contains("can no longer be deployed");
    assertThat(report.failedCheckCount()).isEqualTo(1);
  }

  @Test
  void aVersionWithOtherContentIsDrift() {
    remoteVersion("eu-west-1", 1, "b".repeat(43) + "=");
    AuditReport report = audit(lockfile(published("eu-west-1", 1)), null);
    assertThat(report.hasErrors()).isFalse();
    assertThat(messages(report))
        .singleElement()
        .asString()
        .startsWith("DRIFT remote-layers jackson version 1 of layer 'jackson' in eu-west-1")
        .contains("has CodeSha256 " + "b".repeat(43) + "=")
        .contains("the lockfile records " + CODE_SHA);
  }

  @Test
  void otherAwsFailuresBecomeErrorFindingsButMissingCredentialsAreThrown() {
    failWith =
        new AwsCallException(
            "GetLayerVersion",
            "layer",
            "eu-west-1",
            "Access denied",
            AwsCallException.Kind.OTHER,
            null);
    AuditReport report = audit(lockfile(published("eu-west-1", 1)), null);
    assertThat(messages(report))
        .singleElement()
        .asString()
        .startsWith("ERROR remote-layers jackson could not be checked: GetLayerVersion")
        .contains("Access denied");

    failWith =
        new AwsCallException(
            "GetLayerVersion",
            "layer",
            "eu-west-1",
            "no creds",
            AwsCallException.Kind.CREDENTIALS,
            null);
    assertThatThrownBy(() -> audit(lockfile(published("eu-west-1", 1)), null))
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("Provide AWS credentials");
  }

  private void function(String region, String codeSha256, String... layerArns) {
    functions.put(
        region + " hello",
        new FunctionReader.FunctionState(
            "arn:aws:lambda:" + region + ":123456789012:function:hello",
            codeSha256,
            100,
            java.util.Arrays.stream(layerArns).map(a -> new FunctionReader.LayerRef(a, 0)).toList(),
            "Successful",
            null));
  }

  @Test
  void aFunctionOnTheLockedLayersAndCodeIsClean() {
    remoteVersion("eu-west-1", 2, CODE_SHA);
    String other = "arn:aws:lambda:eu-west-1:999999999999:layer:not-ours:7";
    function("eu-west-1", "CODE=", other, ARN + "2");
    AuditReport report =
        audit(
            lockfile(published("eu-west-1", 2)),
            new RemoteAudit.FunctionTarget("hello", List.of("eu-west-1"), "CODE=", "fn.zip"));
    assertThat(messages(report)).isEmpty();
    assertThat(report.subjects())
        .extracting(AuditReport.Subject::name)
        .containsExactly("jackson", "fn", "hello");
  }

  @Test
  void aFunctionOnAnotherVersionWithOtherCodeOrMissingTheLayerIsDrift() {
    remoteVersion("eu-west-1", 2, CODE_SHA);
    remoteVersion("us-east-1", 1, CODE_SHA);
    function("eu-west-1", "OLD=", ARN + "1");
    function("us-east-1", "CODE=");
    AuditReport report =
        audit(
            lockfile(published("eu-west-1", 2), published("us-east-1", 1)),
            new RemoteAudit.FunctionTarget(
                "hello", List.of("eu-west-1", "us-east-1", "ap-south-1"), "CODE=", "fn.zip"));
    assertThat(messages(report))
        .containsExactly(
            "DRIFT remote-function hello eu-west-1: the function references "
                + ARN
                + "1, the lockfile records "
                + ARN
                + "2 for layer 'jackson'",
            "DRIFT remote-function hello eu-west-1: the function's CodeSha256 is OLD=, the"
                + " function zip fn.zip built now has CODE=: the deployed code is not this"
                + " build's",
            "DRIFT remote-function hello us-east-1: the function does not reference layer"
                + " 'jackson' (locked: arn:aws:lambda:us-east-1:123456789012:layer:jackson:1)",
            "ERROR remote-function hello function 'hello' does not exist in ap-south-1");
  }

  private static Lockfile twoLayers() {
    Lockfile one = lockfile(published("eu-west-1", 2));
    Lockfile.Layer jackson = one.layers().get(0);
    Lockfile.Layer slf4j =
        new Lockfile.Layer(
            "slf4j",
            jackson.runtimes(),
            jackson.architectures(),
            SHA,
            CODE_SHA,
            List.of(),
            List.of(
                new Lockfile.Published(
                    "eu-west-1",
                    "123456789012",
                    "arn:aws:lambda:eu-west-1:123456789012:layer:slf4j:5",
                    5,
                    CODE_SHA)));
    return new Lockfile(
        one.lockfileVersion(),
        one.project(),
        one.outputTimestamp(),
        one.zipFormat(),
        List.of(jackson, slf4j),
        one.function());
  }

  @Test
  void theLockedLayersInAnotherOrderAreDriftNamingBothOrders() {
    remoteVersion("eu-west-1", 2, CODE_SHA);
    versions.put(
        "eu-west-1 arn:aws:lambda:eu-west-1:123456789012:layer:slf4j 5",
        new LayerVersionInfo(
            "arn:aws:lambda:eu-west-1:123456789012:layer:slf4j:5", 5, "d", CODE_SHA, 10));
    String other = "arn:aws:lambda:eu-west-1:999999999999:layer:not-ours:7";
    RemoteAudit.FunctionTarget target =
        new RemoteAudit.FunctionTarget("hello", List.of("eu-west-1"), "CODE=", "fn.zip");

    function(
        "eu-west-1",
        "CODE=",
        ARN + "2",
        other,
        "arn:aws:lambda:eu-west-1:123456789012:layer:slf4j:5");
    assertThat(messages(audit(twoLayers(), target)))
        .as("layers of others may sit anywhere")
        .isEmpty();

    function(
        "eu-west-1",
        "CODE=",
        "arn:aws:lambda:eu-west-1:123456789012:layer:slf4j:5",
        other,
        ARN + "2");
    assertThat(messages(new RemoteAudit(layers, reader).audit(local(), twoLayers(), target)))
        .containsExactly(
            "DRIFT remote-function hello eu-west-1: the function's layers are in the order"
                + " 'slf4j', 'jackson', the lockfile's order is 'jackson', 'slf4j': Lambda"
                + " extracts later layers over earlier ones, so files both hold come from another"
                + " layer than tested; publish the function again to restore the order");
  }

  @Test
  void withoutABuiltZipTheCodeIsNotCompared() {
    remoteVersion("eu-west-1", 2, CODE_SHA);
    function("eu-west-1", "WHATEVER=", ARN + "2");
    AuditReport report =
        audit(
            lockfile(published("eu-west-1", 2)),
            new RemoteAudit.FunctionTarget("hello", List.of("eu-west-1"), null, null));
    assertThat(report.clean()).isTrue();
  }

  @Test
  void fromBuildHashesTheFunctionZipNamedInBuildJson(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    byte[] zip = "not really a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.file.Files.write(dir.resolve("fn.zip"), zip);
    java.nio.file.Files.writeString(
        dir.resolve("build.json"), "{\"function\": {\"file\": \"fn.zip\", \"libraries\": []}}");
    RemoteAudit.FunctionTarget target =
        RemoteAudit.FunctionTarget.fromBuild(
            "hello", List.of("eu-west-1"), dir.resolve("build.json"));
    assertThat(target.codeSha256()).isEqualTo(Hashes.toBase64(Hashes.sha256Hex(zip)));
    assertThat(target.zipName()).isEqualTo("fn.zip");
    assertThat(
            RemoteAudit.FunctionTarget.fromBuild(
                    "hello", List.of("eu-west-1"), dir.resolve("missing.json"))
                .codeSha256())
        .isNull();
  }
}
