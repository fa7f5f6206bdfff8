package dev.lambdalayer.core.promote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.port.InMemoryAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A promotion sets code and layers, publishes a version and moves the alias only when it runs. */
class FunctionPromotionTest {

  private static final String REGION = "us-east-1";

  private static List<String> promote(InMemoryAws aws, Path dir, List<String> log)
      throws Exception {
    byte[] bytes = "function bytes".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("function.zip"), bytes);
    VerifiedZips.Zip zip = new VerifiedZips.Zip(file, Hashes.sha256Hex(bytes), bytes.length, false);
    new FunctionPromotion(
            aws.functions(), aws.functionDeployer(), Duration.ofSeconds(5), Duration.ZERO, log::add)
        .promote(REGION, "hello", zip, List.of(), "live", "promoted");
    return aws.calls();
  }

  @Test
  void aSnapStartTargetIsWaitedOutBeforeTheAliasMoves(@TempDir Path dir) throws Exception {
    InMemoryAws aws = new InMemoryAws();
    aws.createFunction(REGION, "hello");
    aws.functionDeployer().updateSnapStart(REGION, "hello", true);
    List<String> log = new ArrayList<>();

    List<String> calls = promote(aws, dir, log);

    int published = calls.indexOf("PublishVersion " + REGION + " hello");
    int waited = calls.indexOf("GetFunctionConfiguration " + REGION + " hello:1");
    int aliased = calls.indexOf("UpdateAlias " + REGION + " hello:live");
    assertThat(published).isNotNegative();
    assertThat(waited).isGreaterThan(published);
    assertThat(aliased).isGreaterThan(waited);
    assertThat(log).anyMatch(l -> l.contains("waiting until SnapStart has optimized it"));
    assertThat(aws.aliasVersion(REGION, "hello", "live")).isEqualTo("1");
  }

  @Test
  void withoutSnapStartTheAliasMovesAtOnce(@TempDir Path dir) throws Exception {
    InMemoryAws aws = new InMemoryAws();
    aws.createFunction(REGION, "hello");
    List<String> log = new ArrayList<>();

    List<String> calls = promote(aws, dir, log);

    assertThat(calls)
        .noneMatch(c -> c.startsWith("GetFunctionConfiguration " + REGION + " hello:"));
    assertThat(log).noneMatch(l -> l.contains("SnapStart"));
    assertThat(aws.aliasVersion(REGION, "hello", "live")).isEqualTo("1");
  }
}
