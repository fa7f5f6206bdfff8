package dev.lambdalayer.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lockfile's environments section: round trip, old files unchanged, records replaced. */
class EnvironmentRecordsTest {

  private static final Path FILE = Path.of("lambda-layers.lock.json");
  private static final String LAYER = "arn:aws:lambda:eu-west-1:123456789012:layer:jackson:3";

  static Lockfile.Deployment staging(String version) {
    return new Lockfile.Deployment(
        "staging",
        "eu-west-1",
        List.of(new Lockfile.DeployedLayer("jackson", LAYER, "q83vEjRWeJq83vEjRWeJq83vEjRWeJq8=")),
        new Lockfile.DeployedFunction(
            "hello", "live", version, "CODEq83vEjRWeJq83vEjRWeJq83vEjRWeJ=", List.of(LAYER)));
  }

  @Test
  void recordingWithoutALockfileCreatesItFromThisBuild(@TempDir Path dir) throws Exception {
    // A function with shared layers only publishes no layer of its own, so no lockfile exists yet.
    Path file = dir.resolve("lambda-layers.lock.json");
    EnvironmentRecords.record(file, List.of(staging("1")), LockfileCodecTest.sample());
    Lockfile written = LockfileCodec.read(file).orElseThrow();
    assertThat(written.environments()).containsExactly(staging("1"));
    assertThat(written.project()).isEqualTo(LockfileCodecTest.sample().project());
    assertThat(written.layers()).extracting(Lockfile.Layer::name).containsExactly("jackson");
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void aLockfileWithoutEnvironmentsIsWrittenExactlyAsBefore() {
    String text = LockfileCodec.write(LockfileCodecTest.sample());
    assertThat(text).doesNotContain("environments");
    Lockfile reread = LockfileCodec.parse(text, FILE);
    assertThat(reread.environments()).isEmpty();
    assertThat(LockfileCodec.write(reread)).isEqualTo(text);
  }

  @Test
  void environmentsRoundTripSortedByNameThenRegion() {
    Lockfile.Deployment prodLayersOnly =
        new Lockfile.Deployment(
            "prod",
            "us-east-1",
            List.of(
                new Lockfile.DeployedLayer(
                    "jackson",
                    "arn:aws:lambda:us-east-1:210987654321:layer:jackson:1",
                    "q83vEjRWeJq83vEjRWeJq83vEjRWeJq8=")),
            null);
    Lockfile lock =
        LockfileCodecTest.sample().withEnvironments(List.of(staging("7"), prodLayersOnly));
    String text = LockfileCodec.write(lock);
    assertThat(text.indexOf("\"prod\"")).isLessThan(text.indexOf("\"staging\""));
    assertThat(text).contains("\"alias\": \"live\"").contains("\"version\": \"7\"");

    Lockfile reread = LockfileCodec.parse(text, FILE);
    assertThat(reread.environments()).containsExactly(prodLayersOnly, staging("7"));
    assertThat(reread.environment("staging")).containsExactly(staging("7"));
    assertThat(LockfileCodec.write(reread)).isEqualTo(text);
  }

  @Test
  void anEnvironmentRecordedTwiceForOneRegionIsRefused() {
    String one =
        LockfileCodec.write(LockfileCodecTest.sample().withEnvironments(List.of(staging("1"))));
    int start = one.indexOf("\"environments\": [") + "\"environments\": [".length();
    int end = one.lastIndexOf("]");
    String entry = one.substring(start, end).trim();
    String twice = one.substring(0, start) + entry + ", " + entry + one.substring(end);
    assertThatThrownBy(() -> LockfileCodec.parse(twice, FILE))
        .isInstanceOfSatisfying(
            LockfileException.class,
            e ->
                assertThat(e.problem())
                    .isEqualTo("environment 'staging' is recorded twice for region eu-west-1"));
  }

  @Test
  void anUnknownMemberOfARecordIsRefused() {
    String text =
        LockfileCodec.write(LockfileCodecTest.sample().withEnvironments(List.of(staging("1"))))
            .replace(
                "\"region\": \"eu-west-1\",\n      \"layers\"",
                "\"regoin\": \"x\",\n      \"region\": \"eu-west-1\",\n      \"layers\"");
    assertThatThrownBy(() -> LockfileCodec.parse(text, FILE))
        .isInstanceOfSatisfying(
            LockfileException.class,
            e -> assertThat(e.problem()).startsWith("unknown member \"regoin\""));
  }

  @Test
  void recordingReplacesOnlyTheSameEnvironmentAndRegion(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lambda-layers.lock.json");
    Lockfile.Deployment stagingUs =
        new Lockfile.Deployment("staging", "us-east-1", List.of(), null);
    LockfileCodec.write(
        LockfileCodecTest.sample().withEnvironments(List.of(staging("1"), stagingUs)), file);

    Lockfile updated = EnvironmentRecords.record(file, List.of(staging("2")));

    assertThat(updated.environments()).containsExactlyInAnyOrder(stagingUs, staging("2"));
    Lockfile reread = LockfileCodec.read(file).orElseThrow();
    assertThat(reread.environment("staging")).containsExactlyInAnyOrder(stagingUs, staging("2"));
    assertThat(LockfileCodec.write(reread.withEnvironments(List.of())))
        .isEqualTo(LockfileCodec.write(LockfileCodecTest.sample()));
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("}\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // written atomically: no temporary left behind
    }
  }

  @Test
  void refreshingTheLockfileKeepsTheEnvironments() {
    Lockfile lock = LockfileCodecTest.sample().withEnvironments(List.of(staging("1")));
    Lockfile refreshed = dev.lambdalayer.core.publish.PublishRecords.withPublished(lock, List.of());
    assertThat(refreshed.environments()).containsExactly(staging("1"));
  }
}
