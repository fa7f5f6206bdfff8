package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.port.LayerVersionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachedLayerVerifierTest {

  private final InMemoryAws aws = new InMemoryAws();

  private static AttachedLayerVerifier.AttachedLayer attached(
      String arn, String codeSha256, AttachedLayerVerifier.Origin origin) {
    return new AttachedLayerVerifier.AttachedLayer(
        "platform", "eu-west-1", arn, codeSha256, origin, "the descriptor of shared layer g:a:1");
  }

  @Test
  void theSameContentPassesOtherContentAndAMissingVersionAreNamedWithTheirFix() {
    LayerVersionInfo v = aws.addLayerVersion("eu-west-1", "platform", "d", "AAAA=", 10);
    String missingArn = v.layerVersionArn().replace(":1", ":2");

    List<AttachedLayerVerifier.Mismatch> mismatches =
        new AttachedLayerVerifier(aws)
            .verify(
                List.of(
                    attached(v.layerVersionArn(), "AAAA=", AttachedLayerVerifier.Origin.SHARED),
                    attached(v.layerVersionArn(), "BBBB=", AttachedLayerVerifier.Origin.SHARED),
                    attached(missingArn, "AAAA=", AttachedLayerVerifier.Origin.OWN)));

    assertThat(mismatches).hasSize(2);
    assertThat(mismatches.get(0).message())
        .isEqualTo(
            "layer 'platform' in eu-west-1 ("
                + v.layerVersionArn()
                + ") holds CodeSha256 AAAA=, but the descriptor of shared layer g:a:1 records"
                + " BBBB=: its content is not what this build checked. Publish the shared layer"
                + " project again and install (or deploy) it, then build this function against"
                + " the descriptor it installs (update the shared layer's version if it changed)");
    assertThat(mismatches.get(1).missing()).isTrue();
    assertThat(mismatches.get(1).message())
        .contains("does not exist (GetLayerVersionByArn: not found)")
        .contains("delete it, or remove its record from the lockfile, and publish again");
    // One read per ARN, however often it is attached.
    assertThat(aws.calls("GetLayerVersion")).hasSize(2);
  }

  @Test
  void aDryRunNamesEachCheckWithTheExpectedHashAndCallsNothing() {
    List<String> lines =
        AttachedLayerVerifier.dryRunLines(
            List.of(
                attached(
                    "arn:aws:lambda:eu-west-1:123456789012:layer:platform:4",
                    "AAAA=",
                    AttachedLayerVerifier.Origin.SHARED)),
            true);
    assertThat(lines)
        .containsExactly(
            "Verify layer 'platform' eu-west-1"
                + " arn:aws:lambda:eu-west-1:123456789012:layer:platform:4: GetLayerVersionByArn"
                + " must report CodeSha256 AAAA= (the descriptor of shared layer g:a:1) before any"
                + " function call.",
            "Verify each of this project's layer versions with GetLayerVersionByArn: its"
                + " CodeSha256 must be the built zip's, before any function call.");
    assertThat(AttachedLayerVerifier.dryRunLines(List.of(), false)).isEmpty();
    assertThat(aws.calls()).isEmpty();
  }
}
