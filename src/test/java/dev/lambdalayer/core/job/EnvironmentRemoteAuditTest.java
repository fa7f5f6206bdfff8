package dev.lambdalayer.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.AuditReport.Check;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.SharedLayer;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import dev.lambdalayer.core.port.CodeReader;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.port.LayerVersionInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code lambda:audit} per environment checks that environment's records and the shared layers in
 * its regions, not the top-level published records another environment's publish left.
 */
class EnvironmentRemoteAuditTest {

  private static final String PROD = "us-east-1";
  private static final String STAGING = "eu-west-1";

  @Test
  void checksTheEnvironmentsRecordsAndTheSharedLayersInItsRegionsOnly() {
    InMemoryAws aws = new InMemoryAws();
    LayerVersionInfo prodVersion = aws.addLayerVersion(PROD, "jackson", "", "PROD=", 10);
    LayerVersionInfo platform = aws.addLayerVersion(PROD, "platform", "", "OTHER=", 10);
    // Staging's account, which prod's credentials cannot see: the last publish went there.
    String stagingArn = "arn:aws:lambda:eu-west-1:999999999999:layer:jackson:7";
    Lockfile locked =
        new Lockfile(
                1,
                "g:a",
                "2024-01-01T00:00:00Z",
                "zip-1",
                List.of(
                    new Lockfile.Layer(
                        "jackson",
                        List.of("java21"),
                        List.of("x86_64"),
                        "a".repeat(64),
                        "STAGING=",
                        List.of(),
                        List.of(
                            new Lockfile.Published(
                                STAGING, "999999999999", stagingArn, 7, "STAGING=")))),
                null)
            .withEnvironments(
                List.of(
                    new Lockfile.Deployment(
                        "prod",
                        PROD,
                        List.of(
                            new Lockfile.DeployedLayer(
                                "jackson", prodVersion.layerVersionArn(), "PROD=")),
                        null)));
    LayerDescriptor descriptor =
        new LayerDescriptor(
            1,
            "g:platform:1",
            "platform",
            List.of("java21"),
            List.of("x86_64"),
            "b".repeat(64),
            "SHARED=",
            10,
            List.of(),
            List.of(
                new Lockfile.Published(
                    PROD, InMemoryAws.ACCOUNT, platform.layerVersionArn(), 1, "SHARED="),
                new Lockfile.Published(
                    STAGING,
                    InMemoryAws.ACCOUNT,
                    "arn:aws:lambda:eu-west-1:123456789012:layer:platform:1",
                    1,
                    "SHARED=")));
    SharedLayerSettings shared =
        new SharedLayerSettings(
            List.of(new SharedLayer("g:platform:1", descriptor, Map.of())), true, false);
    CodeReader code =
        new CodeReader() {
          @Override
          public FunctionCode getFunction(String region, String function, String qualifier) {
            throw new AssertionError("no function recorded");
          }

          @Override
          public Optional<LayerContent> getLayerVersion(String region, String arn) {
            return arn.equals(prodVersion.layerVersionArn())
                ? Optional.of(
                    new LayerContent(arn, "PROD=", 10, "", List.of(), List.of(), "https://x"))
                : Optional.empty();
          }

          @Override
          public void download(String region, String location, Path file) {
            throw new AssertionError();
          }
        };

    AuditReport report =
        AuditJob.environmentAudit(
            new AuditReport("lambda-layers.lock.json", List.of(), List.of()),
            locked,
            "prod",
            List.of(),
            shared,
            aws,
            code);

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo(Check.REMOTE_SHARED_LAYERS);
              assertThat(f.message()).contains("OTHER=").contains(PROD);
            });
    assertThat(aws.calls()).noneMatch(c -> c.contains(STAGING));
  }
}
