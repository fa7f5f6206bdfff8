package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.port.LayerVersionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a publisher does with its own duplicate of an older version with the same content. */
class LayerPublishingDuplicatesTest {

  private static final String REGION = "eu-west-1";

  @TempDir Path dir;
  final List<String> info = new ArrayList<>();
  final List<String> warn = new ArrayList<>();

  /** Another publisher publishes the same content just before this one's publish is served. */
  static final class RacedAws extends InMemoryAws {
    @Override
    public synchronized LayerVersionInfo publishLayerVersion(
        String region, LayerVersionRequest request) {
      byte[] zip = read(((Code.Inline) request.code()).zip());
      addLayerVersion(
          region,
          request.layerName(),
          request.description(),
          Hashes.toBase64(Hashes.sha256Hex(zip)),
          zip.length);
      return super.publishLayerVersion(region, request);
    }

    private static byte[] read(Path file) {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  LayerToPublish layer() throws IOException {
    Path zip = dir.resolve("deps.zip");
    Files.write(zip, new byte[] {1, 2, 3});
    return new LayerToPublish(
        "deps",
        zip,
        Hashes.sha256Hex(new byte[] {1, 2, 3}),
        3,
        3,
        List.of("java21"),
        List.of("x86_64"));
  }

  PublishedLayer publish(InMemoryAws aws) throws Exception {
    try (LayerPublishing publishing =
        new LayerPublishing(
            aws,
            new PublishSettings(List.of(REGION), null, null, List.of()),
            (n, s, r) -> OptionalLong.empty(),
            info::add,
            warn::add,
            null)) {
      return publishing.publish(layer(), r -> {}).get(0);
    }
  }

  @Test
  void theDuplicateIsDeletedAndTheWarningNamesTheCause() throws Exception {
    RacedAws aws = new RacedAws();

    PublishedLayer done = publish(aws);

    assertThat(done.outcome()).isEqualTo(PublishedLayer.Outcome.SETTLED);
    assertThat(done.layerVersionArn()).endsWith(":layer:deps:1");
    assertThat(aws.layerVersionNumbers(REGION, "deps")).containsExactly(1L);
    assertThat(aws.calls("DeleteLayerVersion")).contains("DeleteLayerVersion eu-west-1 deps:2");
    assertThat(warn)
        .singleElement()
        .asString()
        .contains("version 2 duplicates version 1")
        .contains("another publisher")
        .contains("Deleted the duplicate version 2");
    assertThat(info).noneMatch(l -> l.contains("duplicate"));
  }

  @Test
  void aDuplicateWhoseUsersCannotBeReadIsKeptAndTheWarningSaysWhy() throws Exception {
    RacedAws aws = new RacedAws();
    aws.failNext("ListFunctions", AwsCallException.Kind.OTHER, "not authorized: ListFunctions");

    PublishedLayer done = publish(aws);

    assertThat(done.layerVersionArn()).endsWith(":layer:deps:1");
    assertThat(aws.layerVersionNumbers(REGION, "deps")).containsExactly(1L, 2L);
    assertThat(warn)
        .singleElement()
        .asString()
        .contains("Version 2 is kept, as ListFunctions failed (not authorized: ListFunctions)")
        .contains("Using version 1.");
  }
}
