package dev.lambdalayer.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LayerVersionArn;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.plan.LayerDescriptor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerDescriptorValidatorTest {

  private static final String SHA = "0123456789abcdef".repeat(4);
  private static final String CODE_SHA = Hashes.toBase64(SHA);
  private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:platform:3";

  private static LayerDescriptor descriptor(
      String name, String sha, String codeSha, long unzipped, Lockfile.Published... published) {
    return new LayerDescriptor(
        1,
        "com.acme:platform-layer:1.4.0",
        name,
        List.of("java21"),
        List.of("x86_64"),
        sha,
        codeSha,
        unzipped,
        List.of(),
        List.of(published));
  }

  private static Lockfile.Published published(
      String region, String account, String arn, long version) {
    return new Lockfile.Published(region, account, arn, version, CODE_SHA);
  }

  @Test
  void aDescriptorAsThePluginWritesItPasses() {
    LayerDescriptor d =
        descriptor(
            "platform", SHA, CODE_SHA, 1_000, published("eu-west-1", "123456789012", ARN, 3));
    assertThat(LayerDescriptorValidator.problems(d)).isEmpty();
    LayerDescriptorCodec.parse(LayerDescriptorCodec.write(d), "com.acme:platform-layer:1.4.0", "f");
  }

  @Test
  void everyProblemIsNamedByItsPath() {
    LayerDescriptor d =
        descriptor(
            "plat form",
            "ABC",
            "bm90IGEgZGlnZXN0",
            0,
            published("eu-west-2", "123456789012", ARN, 3),
            published("eu-west-1", "999999999999", ARN, 4),
            published("eu-west-1", "1234", "arn:aws:lambda:eu-west-1:1234:layer:platform:3", 3));
    assertThat(LayerDescriptorValidator.problems(d))
        .containsExactly(
            "$.name 'plat form' is not a Lambda layer name ([a-zA-Z0-9-_], 1-140)",
            "$.sha256 is not a SHA-256 digest (64 lowercase hex digits)",
            "$.codeSha256 is not a SHA-256 digest (base64 of 32 bytes)",
            "$.unzippedBytes 0 is not a plausible layer size (1 to Lambda's 262144000 bytes)",
            "$.published[0].codeSha256 is not the layer's $.codeSha256",
            "$.published[0].layerVersionArn is in eu-west-1, but its region is eu-west-2",
            "$.published[0].layerVersionArn names layer 'platform', not 'plat form'",
            "$.published[1].codeSha256 is not the layer's $.codeSha256",
            "$.published[1].layerVersionArn belongs to account 123456789012, but its account is"
                + " 999999999999",
            "$.published[1].layerVersionArn names layer 'platform', not 'plat form'",
            "$.published[1].layerVersionArn is version 3, but its version is 4",
            "$.published[2].account '1234' is not a 12-digit account id",
            "$.published[2].codeSha256 is not the layer's $.codeSha256",
            "$.published[2].layerVersionArn 'arn:aws:lambda:eu-west-1:1234:layer:platform:3' is"
                + " not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)");
  }

  @Test
  void hashesMustBeOneDigestAndTheSizeWithinLambdasLimit() {
    LayerDescriptor d = descriptor("platform", SHA, Hashes.toBase64("f".repeat(64)), 262_144_001L);
    assertThat(LayerDescriptorValidator.problems(d))
        .containsExactly(
            "$.codeSha256 and $.sha256 are not the same digest",
            "$.unzippedBytes 262144001 is not a plausible layer size (1 to Lambda's 262144000"
                + " bytes)");
  }

  @Test
  void theErrorNamesTheSharedLayerAndItsDescriptorFile() {
    LayerDescriptor d = descriptor("platform", SHA, CODE_SHA, -1);
    assertThatThrownBy(
            () ->
                LayerDescriptorValidator.check(d, "com.acme:platform-layer:1.4.0", "/repo/d.json"))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations().get(0).fix()).contains("never edit a descriptor by hand"))
        .hasMessageContaining("com.acme:platform-layer:1.4.0")
        .hasMessageContaining(
            "its layer descriptor (/repo/d.json) is not valid: $.unzippedBytes -1");
  }

  /**
   * Random valid ARNs read back to their parts, and random one-character edits of them: an edited
   * ARN is either refused by the reader or reads back to exactly itself, and a descriptor carrying
   * it is valid only when the ARN reads and agrees with the fields next to it.
   */
  @Test
  void randomArnsAndTheirEditsAreReadStrictly() {
    long seed = System.nanoTime();
    System.out.println("randomArnsAndTheirEditsAreReadStrictly seed: " + seed);
    Random random = new Random(seed);
    String[] partitions = {"aws", "aws-cn", "aws-us-gov"};
    String[] regions = {"eu-west-1", "us-east-1", "cn-north-1", "us-gov-west-1", "ap-southeast-2"};
    String alphabet = "abcXYZ019-_:/ .*\u00e9";
    for (int i = 0; i < 2_000; i++) {
      String partition = partitions[random.nextInt(partitions.length)];
      String region = regions[random.nextInt(regions.length)];
      String account = String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
      String name = "l" + Long.toString(Math.floorMod(random.nextLong(), 1L << 40), 36) + "_-";
      long version = 1 + random.nextInt(100_000);
      String arn =
          "arn:"
              + partition
              + ":lambda:"
              + region
              + ":"
              + account
              + ":layer:"
              + name
              + ":"
              + version;
      LayerVersionArn read = LayerVersionArn.parse(arn).orElseThrow(() -> new AssertionError(arn));
      assertThat(read).isEqualTo(new LayerVersionArn(partition, region, account, name, version));
      assertThat(read.toString()).isEqualTo(arn);

      StringBuilder edited = new StringBuilder(arn);
      int at = random.nextInt(arn.length());
      switch (random.nextInt(3)) {
        case 0 -> edited.deleteCharAt(at);
        case 1 -> edited.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        default -> edited.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = edited.toString();
      var parsed = LayerVersionArn.parse(text);
      parsed.ifPresent(p -> assertThat(p.toString()).as("seed %d: %s", seed, text).isEqualTo(text));
      LayerDescriptor d =
          new LayerDescriptor(
              1,
              "g:a:1",
              name,
              List.of("java21"),
              List.of("x86_64"),
              SHA,
              CODE_SHA,
              1_000,
              List.of(),
              List.of(new Lockfile.Published(region, account, text, version, CODE_SHA)));
      boolean agrees =
          parsed
              .filter(
                  p ->
                      p.region().equals(region)
                          && p.account().equals(account)
                          && p.layerName().equals(name)
                          && p.version() == version)
              .isPresent();
      assertThat(LayerDescriptorValidator.problems(d).isEmpty())
          .as("seed %d: %s", seed, text)
          .isEqualTo(agrees);
    }
  }
}
