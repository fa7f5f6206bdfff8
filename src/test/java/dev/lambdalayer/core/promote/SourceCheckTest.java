package dev.lambdalayer.core.promote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.CodeReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A promotion refuses when the source's record and AWS disagree, naming each difference. */
class SourceCheckTest {

  private static final String A = "arn:aws:lambda:eu-west-1:123456789012:layer:a:3";
  private static final String B = "arn:aws:lambda:eu-west-1:123456789012:layer:b:5";

  private static final Lockfile.Deployment RECORD =
      new Lockfile.Deployment(
          "staging",
          "eu-west-1",
          List.of(
              new Lockfile.DeployedLayer("a", A, "HASH-A="),
              new Lockfile.DeployedLayer("b", B, "HASH-B=")),
          new Lockfile.DeployedFunction("hello", "live", "4", "CODE=", List.of(A, B)));

  private static CodeReader.FunctionCode function(
      String version, String code, List<String> layers) {
    return new CodeReader.FunctionCode(
        "arn:aws:lambda:eu-west-1:123456789012:function:hello:" + version,
        version,
        code,
        100,
        layers,
        "https://example/loc");
  }

  private static Optional<CodeReader.LayerContent> layer(String arn, String codeSha256) {
    return Optional.of(
        new CodeReader.LayerContent(
            arn, codeSha256, 10, "d", List.of("java21"), List.of("x86_64"), "https://x"));
  }

  private static Map<String, Optional<CodeReader.LayerContent>> layers(
      Optional<CodeReader.LayerContent> a, Optional<CodeReader.LayerContent> b) {
    Map<String, Optional<CodeReader.LayerContent>> out = new LinkedHashMap<>();
    out.put(A, a);
    out.put(B, b);
    return out;
  }

  @Test
  void agreementHasNoDifferences() {
    assertThat(
            SourceCheck.differences(
                RECORD,
                function("4", "CODE=", List.of(A, B)),
                layers(layer(A, "HASH-A="), layer(B, "HASH-B="))))
        .isEmpty();
  }

  @Test
  void everyDisagreementIsNamed() {
    List<String> differences =
        SourceCheck.differences(
            RECORD,
            function("5", "OTHER=", List.of(B, A)),
            layers(layer(A, "CHANGED="), Optional.empty()));
    assertThat(differences)
        .containsExactly(
            "environment 'staging' in eu-west-1: alias 'live' of function 'hello' points at"
                + " version 5, the lockfile records version 4",
            "environment 'staging' in eu-west-1: function 'hello' runs code with CodeSha256"
                + " OTHER=, the lockfile records CODE=",
            "environment 'staging' in eu-west-1: function 'hello' has the layers ["
                + B
                + ", "
                + A
                + "], the lockfile records ["
                + A
                + ", "
                + B
                + "]",
            "environment 'staging' in eu-west-1: layer version "
                + A
                + " holds CodeSha256 CHANGED=, the lockfile records HASH-A=",
            "environment 'staging' in eu-west-1: layer version " + B + " no longer exists");
  }

  @Test
  void theAliasIsReadWhenThereIsOneElseTheRecordedVersion() {
    assertThat(SourceCheck.qualifier(RECORD.function())).isEqualTo("live");
    assertThat(
            SourceCheck.qualifier(
                new Lockfile.DeployedFunction("hello", null, "$LATEST", "C=", List.of())))
        .isEqualTo("$LATEST");
  }

  @Test
  void aLayersOnlyRecordListsItsLayersInOrder() {
    Lockfile.Deployment layersOnly =
        new Lockfile.Deployment(
            "staging",
            "eu-west-1",
            List.of(
                new Lockfile.DeployedLayer("b", B, "HASH-B="),
                new Lockfile.DeployedLayer("a", A, "HASH-A=")),
            null);
    assertThat(SourceCheck.layerArns(layersOnly)).containsExactly(B, A);
    assertThat(
            SourceCheck.differences(
                layersOnly, null, layers(layer(A, "HASH-A="), layer(B, "HASH-B="))))
        .isEmpty();
  }
}
