package dev.lambdalayer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.AuditReport.Check;
import dev.lambdalayer.core.AuditReport.Finding;
import dev.lambdalayer.core.AuditReport.Kind;
import dev.lambdalayer.core.AuditReport.Severity;
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
}
