package dev.lambdalayer.core.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.lock.AuditReport.Check;
import dev.lambdalayer.core.lock.AuditReport.Finding;
import dev.lambdalayer.core.lock.AuditReport.Kind;
import dev.lambdalayer.core.lock.AuditReport.Severity;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftAuditTest {

  private static Lockfile.Library lib(String artifactId, String version, char hash) {
    return new Lockfile.Library(
        Coordinates.of("g", artifactId, version), String.valueOf(hash).repeat(64), 10L);
  }

  private static Lockfile.Layer layer(String name, char sha, Lockfile.Library... libraries) {
    String sha256 = String.valueOf(sha).repeat(64);
    return new Lockfile.Layer(
        name,
        List.of("java21"),
        List.of("x86_64"),
        sha256,
        Hashes.toBase64(sha256),
        List.of(libraries),
        List.of());
  }

  private static Lockfile lockfile(List<Lockfile.Layer> layers, Lockfile.Library... function) {
    return new Lockfile(
        1,
        "g:fn",
        "2026-01-01T00:00:00Z",
        ReproducibleZipWriter.FORMAT,
        layers,
        new Lockfile.Function("fn", List.of(function)));
  }

  private static AuditReport compare(Lockfile locked, Lockfile current) {
    return DriftAudit.compare("lambda-layers.lock.json", locked, current, Map.of());
  }

  private static List<String> messages(AuditReport report) {
    List<String> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      out.add(f.kind().id() + " " + f.subject() + " " + f.check().id() + " " + f.message());
    }
    return out;
  }

  @Test
  void identicalStateIsClean() {
    Lockfile state = lockfile(List.of(layer("a", '1', lib("x", "1", 'x'))), lib("y", "1", 'y'));
    AuditReport report = compare(state, state);
    assertThat(report.clean()).isTrue();
    assertThat(report.checkCount()).isEqualTo(6);
  }

  @Test
  void reportsAddedRemovedAndChangedVersionsWithCoordinates() {
    Lockfile locked =
        lockfile(
            List.of(layer("a", '1', lib("x", "1", 'x'), lib("gone", "1", 'g'))),
            lib("y", "1", 'y'));
    Lockfile current =
        lockfile(
            List.of(layer("a", '2', lib("x", "2", 'z'))), lib("y", "1", 'y'), lib("new", "3", 'n'));
    assertThat(messages(compare(locked, current)))
        .containsExactly(
            "layer a dependencies g:gone:1 was removed (it is locked, but no longer resolved)",
            "function fn dependencies g:new:3 was added (it is resolved, but not locked)",
            "layer a dependencies g:x changed version from 1 to 2",
            "layer a content the layer zip would now have SHA-256 "
                + "2".repeat(64)
                + ", the lockfile records "
                + "1".repeat(64)
                + ": its libraries changed");
  }

  @Test
  void sameCoordinatesOtherBytesIsAnIntegrityError() {
    Lockfile locked = lockfile(List.of(layer("a", '1', lib("x", "1", 'x'))));
    Lockfile current = lockfile(List.of(layer("a", '2', lib("x", "1", 'e'))));
    AuditReport report =
        DriftAudit.compare(
            "l", locked, current, Map.of(Coordinates.of("g", "x", "1"), Path.of("/repo/x.jar")));
    Finding integrity = report.findings().get(0);
    assertThat(integrity.check()).isEqualTo(Check.INTEGRITY);
    assertThat(integrity.severity()).isEqualTo(Severity.ERROR);
    assertThat(integrity.message())
        .startsWith("checksum mismatch for g:x:1: the lockfile records SHA-256 " + "x".repeat(64))
        .contains("the resolved file /repo/x.jar has " + "e".repeat(64));
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void reportsRuleDriftRenamesMovesAndSettings() {
    Lockfile locked =
        lockfile(
            List.of(
                layer("old", '1', lib("x", "1", 'x'), lib("w", "1", 'w')),
                layer("dropped", '3', lib("d", "1", 'd'))));
    Lockfile.Layer renamed = layer("fresh", '1', lib("x", "1", 'x'), lib("w", "1", 'w'));
    renamed =
        new Lockfile.Layer(
            renamed.name(),
            List.of("java17"),
            renamed.architectures(),
            renamed.sha256(),
            renamed.codeSha256(),
            renamed.libraries(),
            List.of());
    Lockfile current = lockfile(List.of(renamed), lib("d", "1", 'd'));
    assertThat(messages(compare(locked, current)))
        .containsExactly(
            "layer dropped rules layer 'dropped' is locked but no longer configured (or takes no"
                + " library)",
            "layer fresh rules layer 'old' is now named 'fresh'",
            "layer fresh rules compatible runtimes changed from [java21] to [java17]",
            "function fn dependencies g:d:1 moved here from layer 'dropped'",
            "layer dropped dependencies g:d:1 moved to the function");
  }

  @Test
  void contentDriftExplainsATimestampChange() {
    Lockfile locked = lockfile(List.of(layer("a", '1', lib("x", "1", 'x'))));
    Lockfile current =
        new Lockfile(
            1,
            "g:fn",
            "2027-01-01T00:00:00Z",
            ReproducibleZipWriter.FORMAT,
            List.of(layer("a", '2', lib("x", "1", 'x'))),
            locked.function());
    AuditReport report = compare(locked, current);
    assertThat(report.findings()).hasSize(1);
    assertThat(report.findings().get(0).kind()).isEqualTo(Kind.LAYER);
    assertThat(report.findings().get(0).message())
        .endsWith("the output timestamp changed from 2026-01-01T00:00:00Z to 2027-01-01T00:00:00Z");
  }

  @Test
  void junitReportHasOneCasePerCheckAndAFailurePerDriftedCheck() {
    Lockfile locked = lockfile(List.of(layer("a", '1', lib("x", "1", 'x'))));
    Lockfile current = lockfile(List.of(layer("a", '1', lib("x", "1", 'x'))), lib("n", "1", 'n'));
    String xml = AuditReportWriter.junitXml(compare(locked, current));
    assertThat(xml)
        .contains("<testsuite name=\"lambda-audit\" tests=\"6\" failures=\"1\"")
        .contains("<testcase classname=\"lambda.layer.a\" name=\"content\" time=\"0\"/>")
        .contains(
            "<testcase classname=\"lambda.function.fn\" name=\"dependencies\" time=\"0\">\n"
                + "    <failure type=\"dependencies-drift\" message=\"g:n:1 was added");
  }

  private static final String PLATFORM = "com.acme:platform-layer";

  private static Lockfile.SharedLayer shared(
      String version, char sha, Lockfile.Library... libraries) {
    String sha256 = String.valueOf(sha).repeat(64);
    return new Lockfile.SharedLayer(
        PLATFORM + ":" + version, "platform", sha256, Hashes.toBase64(sha256), List.of(libraries));
  }

  private static Lockfile withShared(Lockfile.SharedLayer... shared) {
    Lockfile base = lockfile(List.of(layer("a", '1', lib("x", "1", 'x'))), lib("y", "1", 'y'));
    return new Lockfile(
        base.lockfileVersion(),
        base.project(),
        base.outputTimestamp(),
        base.zipFormat(),
        base.layers(),
        base.function(),
        List.of(shared));
  }

  @Test
  void unchangedSharedLayerIsCleanAndAddsOneCheckToTheFunction() {
    Lockfile state = withShared(shared("1.4.0", 'a', lib("jackson-core", "2.21.3", 'j')));
    AuditReport report = compare(state, state);
    assertThat(report.clean()).isTrue();
    assertThat(report.checkCount()).isEqualTo(7);
    assertThat(AuditReportWriter.table(report)).contains("function fn", "  shared-layers   ok");
  }

  @Test
  void addedSharedLayerIsDriftOfTheFunction() {
    Lockfile locked = withShared();
    Lockfile current = withShared(shared("1.4.0", 'a', lib("jackson-core", "2.21.3", 'j')));
    AuditReport report = compare(locked, current);
    assertThat(report.findings()).hasSize(1);
    Finding added = report.findings().get(0);
    assertThat(added.check()).isEqualTo(Check.SHARED_LAYERS);
    assertThat(added.kind()).isEqualTo(Kind.FUNCTION);
    assertThat(added.subject()).isEqualTo("fn");
    assertThat(added.severity()).isEqualTo(Severity.DRIFT);
    assertThat(added.message())
        .isEqualTo(
            "shared layer com.acme:platform-layer:1.4.0 (layer 'platform', SHA-256 "
                + "a".repeat(64)
                + ") was added: it is a configured shared layer, but not locked. Unless that is"
                + " intended, remove it from the shared layers");
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.checkCount()).isEqualTo(7);
  }

  @Test
  void removedSharedLayerSaysHowToRestoreIt() {
    Lockfile locked = withShared(shared("1.4.0", 'a', lib("jackson-core", "2.21.3", 'j')));
    AuditReport report = compare(locked, withShared());
    assertThat(messages(report))
        .containsExactly(
            "function fn shared-layers shared layer com.acme:platform-layer:1.4.0 (layer"
                + " 'platform') was removed: it is locked, but no longer a configured shared layer."
                + " Unless that is intended, add it back to the shared layers");
  }

  @Test
  void newVersionOfASharedLayerIsOneFindingWithHashesAndLibraries() {
    Lockfile locked =
        withShared(
            shared(
                "1.4.0",
                'a',
                lib("jackson-core", "2.21.3", 'j'),
                lib("slf4j-api", "2.0.17", 's'),
                lib("old", "1", 'o')));
    Lockfile current =
        withShared(
            shared(
                "1.5.0",
                'b',
                lib("jackson-core", "2.22.0", 'k'),
                lib("slf4j-api", "2.0.17", 's'),
                lib("new", "1", 'n')));
    assertThat(messages(compare(locked, current)))
        .containsExactly(
            "function fn shared-layers shared layer com.acme:platform-layer changed version from"
                + " 1.4.0 to 1.5.0; SHA-256 changed from "
                + "a".repeat(64)
                + " to "
                + "b".repeat(64)
                + "; libraries: g:jackson-core changed version from 2.21.3 to 2.22.0, g:new:1"
                + " added, g:old:1 removed. Unless that is intended, set the shared layer back to"
                + " com.acme:platform-layer:1.4.0");
  }

  @Test
  void otherContentUnderTheSameVersionIsDrift() {
    Lockfile locked = withShared(shared("1.4.0", 'a', lib("jackson-core", "2.21.3", 'j')));
    Lockfile current = withShared(shared("1.4.0", 'c', lib("jackson-core", "2.21.3", 'e')));
    AuditReport report = compare(locked, current);
    assertThat(report.findings()).hasSize(1);
    Finding changed = report.findings().get(0);
    assertThat(changed.check()).isEqualTo(Check.SHARED_LAYERS);
    assertThat(changed.severity()).isEqualTo(Severity.DRIFT);
    assertThat(changed.message())
        .isEqualTo(
            "shared layer com.acme:platform-layer:1.4.0 has other content under the same version"
                + " (the layer project was published again); SHA-256 changed from "
                + "a".repeat(64)
                + " to "
                + "c".repeat(64)
                + "; libraries: g:jackson-core:2.21.3 changed SHA-256 from "
                + "j".repeat(64)
                + " to "
                + "e".repeat(64)
                + ". Unless that is intended, find out why"
                + " com.acme:platform-layer:1.4.0 changed and restore the locked one");
  }

  @Test
  void sharedLayerDriftIsAFailedCheckInJsonAndJunit() {
    Lockfile locked = withShared(shared("1.4.0", 'a'));
    Lockfile current = withShared(shared("1.5.0", 'a'));
    AuditReport report = compare(locked, current);
    assertThat(report.findings().get(0).message())
        .contains("changed version from 1.4.0 to 1.5.0; content unchanged (SHA-256 ");
    assertThat(AuditReportWriter.junitXml(report))
        .contains("<testsuite name=\"lambda-audit\" tests=\"7\" failures=\"1\"")
        .contains(
            "<testcase classname=\"lambda.function.fn\" name=\"shared-layers\" time=\"0\">\n"
                + "    <failure type=\"shared-layers-drift\" message=\"shared layer"
                + " com.acme:platform-layer changed version from 1.4.0 to 1.5.0");
    assertThat(AuditReportWriter.json(report))
        .contains("\"check\": \"shared-layers\"")
        .contains("\"passed\": false");
  }
}
