package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.plan.BuiltZip;
import dev.lambdalayer.core.zip.WrittenZip;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishDryRunTest {

  private static final String SHA = "ab".repeat(32);
  private static final LayerPublishing.LockedVersions NOTHING_LOCKED =
      (name, sha256, region) -> OptionalLong.empty();

  private static LayerToPublish layer(long zippedBytes) {
    return new LayerToPublish(
        "jackson",
        Path.of("/project/target/lambda/jackson-abababababab.zip"),
        SHA,
        zippedBytes,
        zippedBytes,
        List.of("java21"),
        List.of("x86_64"));
  }

  private static PublishSettings settings(
      List<String> regions, String bucket, String license, List<Share> shares) {
    return new PublishSettings(regions, bucket, license, shares);
  }

  @Test
  void anUnlockedSmallLayerIsLookedUpByItsHashElseUploadedInline() {
    LayerToPublish layer = layer(1_234_567);
    List<String> lines =
        PublishDryRun.layerLines(
            settings(List.of("eu-west-1"), null, null, List.of()), List.of(layer), NOTHING_LOCKED);
    assertThat(lines)
        .containsExactly(
            "Layer 'jackson' eu-west-1 sha256 abababababab: reuse a version whose Description"
                + " carries "
                + layer.hashMarker()
                + "; else upload jackson-abababababab.zip (1,234,567 bytes) inline and"
                + " PublishLayerVersion (runtimes [java21], architectures [x86_64], Description \""
                + layer.description()
                + "\").");
  }

  @Test
  void aLockedLargeLayerNamesTheVersionTheBucketPerRegionTheLicenseAndTheShares() {
    LayerToPublish layer = layer(LambdaLimits.MAX_DIRECT_UPLOAD_BYTES + 1);
    LayerPublishing.LockedVersions locked =
        (name, sha256, region) ->
            region.equals("eu-west-1") && name.equals("jackson") && sha256.equals(SHA)
                ? OptionalLong.of(7)
                : OptionalLong.empty();
    List<String> lines =
        PublishDryRun.layerLines(
            settings(
                List.of("eu-west-1", "us-east-1"),
                "artifacts-{region}",
                "Apache-2.0",
                List.of(Share.parse("210987654321"))),
            List.of(layer),
            locked);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "Layer 'jackson' eu-west-1 sha256 abababababab: reuse locked version 7 if"
                + " GetLayerVersion confirms it; else upload jackson-abababababab.zip (52,428,801"
                + " bytes) to s3://artifacts-eu-west-1/lambda-layers/jackson/"
                + SHA
                + ".zip unless already there and PublishLayerVersion (runtimes [java21],"
                + " architectures [x86_64], license Apache-2.0, Description \"")
        .endsWith("\"); share with [210987654321].");
    assertThat(lines.get(1))
        .startsWith(
            "Layer 'jackson' us-east-1 sha256 abababababab: reuse a version whose Description")
        .contains("to s3://artifacts-us-east-1/lambda-layers/jackson/");
  }

  private static BuiltZip functionZip() {
    return new BuiltZip(
        "hello",
        new WrittenZip(Path.of("/project/target/lambda/hello-function.zip"), 4_096, 9_000, 3, SHA),
        List.of(),
        false);
  }

  private static FunctionToDeploy function(String name, String alias) {
    return FunctionToDeploy.of(name, functionZip(), alias, Set.of());
  }

  @Test
  void theFunctionIsUpdatedInEveryRegionAndTheAliasMovedOnlyWhenSet() {
    String codeSha256 = Hashes.toBase64(SHA);
    assertThat(
            PublishDryRun.functionLines(List.of("eu-west-1", "us-east-1"), function("hello", null)))
        .containsExactly(
            "Function 'hello' eu-west-1: UpdateFunctionCode with hello-function.zip (4,096 bytes,"
                + " CodeSha256 "
                + codeSha256
                + ") unless equal; UpdateFunctionConfiguration with the layers above, other layers"
                + " kept.",
            "Function 'hello' us-east-1: UpdateFunctionCode with hello-function.zip (4,096 bytes,"
                + " CodeSha256 "
                + codeSha256
                + ") unless equal; UpdateFunctionConfiguration with the layers above, other layers"
                + " kept.");
    assertThat(PublishDryRun.functionLines(List.of("eu-west-1"), function("hello", "live")))
        .singleElement()
        .asString()
        .endsWith("other layers kept; PublishVersion and move alias 'live'.");
  }

  @Test
  void theFunctionAndAliasArePrintedAsTheDeployUsesThemTrimmedWithABlankAliasUnset() {
    FunctionToDeploy padded = function("  hello\t", " live ");
    assertThat(padded.function()).isEqualTo("hello");
    assertThat(padded.alias()).isEqualTo("live");
    assertThat(PublishDryRun.functionLines(List.of("eu-west-1"), padded))
        .singleElement()
        .asString()
        .startsWith("Function 'hello' eu-west-1: UpdateFunctionCode")
        .endsWith("other layers kept; PublishVersion and move alias 'live'.");

    for (String unset : new String[] {null, "", "   "}) {
      FunctionToDeploy noAlias = function("hello", unset);
      assertThat(noAlias.alias()).isNull();
      assertThat(PublishDryRun.functionLines(List.of("eu-west-1"), noAlias))
          .singleElement()
          .asString()
          .endsWith("UpdateFunctionConfiguration with the layers above, other layers kept.")
          .doesNotContain("alias");
    }
  }

  @Test
  void noLayersAndNoRegionsPrintNothing() {
    assertThat(
            PublishDryRun.layerLines(
                settings(List.of(), null, null, List.of()), List.of(layer(1)), NOTHING_LOCKED))
        .isEmpty();
  }
}
