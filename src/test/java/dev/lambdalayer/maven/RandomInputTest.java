package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.model.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds random text into every list and pattern parameter, through the code the Mojos use, and
 * random bytes into the lockfile reader: the only outcomes allowed are success or the plugin's
 * typed exception naming the setting (or the lockfile). Plain JUnit with a printed seed; rerun a
 * failure with {@code -Dlambda.test.seed=<seed>}.
 */
class RandomInputTest {

  private static final int ROUNDS = 3000;

  /** Characters that matter to the parsers, plus a few that do not. */
  private static final String ALPHABET = "ab:*.-_$/ ,\t\n\\\"{}[]0123456789xX?é\u0000";

  private static final List<String> LOCK_TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"lockfileVersion\"",
          "\"libraries\"",
          "\"published\"",
          "\"groupId\"",
          "\"artifactId\"",
          "\"version\"",
          "\"sha256\"",
          "\"size\"",
          "\"layers\"",
          "\"layer\"",
          "\"runtimes\"",
          "\"architectures\"",
          "\"zipFormat\"",
          "\"region\"",
          "\"sharedLayers\"",
          "\"outputTimestamp\"",
          "\"layerVersionArn\"",
          "1",
          "2",
          "-1",
          "99999999999999999999",
          "1.5",
          "null",
          "true",
          "\"\"",
          "\"a\"",
          "\"" + "0".repeat(64) + "\"");

  private final long seed = Long.getLong("lambda.test.seed", System.nanoTime());

  @Test
  void listAndPatternParametersAnswerEveryInputWithASettingError() {
    System.out.println("RandomInputTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      List<String> values = randomList(random);
      String context = "seed " + seed + ", round " + round + ", values " + values;
      expectSettingOrSuccess(context, () -> PomValues.trimmed(values, Setting.SHARED_LAYERS));
      expectSettingOrSuccess(context, () -> PomValues.patterns(values, Setting.RUNTIME_PROVIDED));
      expectSettingOrSuccess(context, () -> PomValues.distinct(values, Setting.RUNTIMES, "java21"));
      expectSettingOrSuccess(
          context, () -> ClassPathVerification.settings(randomText(random), values, values));
      expectSettingOrSuccess(
          context, () -> ClassPathVerification.settings(null, List.of(), List.of(), values));
      LayerConfiguration layer = new LayerConfiguration();
      layer.setName(random.nextBoolean() ? null : randomText(random));
      layer.setIncludes(values);
      layer.setExcludes(randomList(random));
      expectSettingOrSuccess(
          context,
          () -> LayerRules.of(List.of(layer), randomText(random), "app", random.nextBoolean()));
    }
  }

  @Test
  void theLockfileReaderAnswersEveryInputWithALockfileError(@TempDir Path dir) throws IOException {
    System.out.println("RandomInputTest seed " + seed);
    Random random = new Random(seed);
    Path file = dir.resolve(".lambda-layers.lock.json");
    for (int round = 0; round < ROUNDS; round++) {
      byte[] bytes;
      if (round % 2 == 0) {
        bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
      } else {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
          text.append(LOCK_TOKENS.get(random.nextInt(LOCK_TOKENS.size())));
        }
        bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      Files.write(file, bytes);
      String context = "seed " + seed + ", round " + round + ", bytes " + new String(bytes);
      try {
        LockfileCodec.read(file);
      } catch (LockfileException e) {
        assertThat(e.file()).as(context).isEqualTo(file);
        assertThat(e.problem()).as(context).isNotBlank();
      } catch (RuntimeException e) {
        throw new AssertionError(context + ": " + e, e);
      }
    }
  }

  private static void expectSettingOrSuccess(String context, Runnable action) {
    try {
      action.run();
    } catch (InvalidConfigurationException e) {
      assertThat(e.violations()).as(context).isNotEmpty();
      assertThat(SettingNames.describe(e)).as(context).contains("Fix: ");
    } catch (RuntimeException e) {
      throw new AssertionError(context + ": " + e, e);
    }
  }

  private static List<String> randomList(Random random) {
    if (random.nextInt(20) == 0) {
      return null;
    }
    List<String> values = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      values.add(random.nextInt(8) == 0 ? null : randomText(random));
    }
    return values;
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
