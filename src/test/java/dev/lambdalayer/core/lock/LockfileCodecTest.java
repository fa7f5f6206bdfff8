package dev.lambdalayer.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockfileCodecTest {

  private static final Path FILE = Path.of("lambda-layers.lock.json");
  private static final String SHA = "a".repeat(64);

  static Lockfile sample() {
    return new Lockfile(
        1,
        "com.example:fn",
        "2026-01-01T00:00:00Z",
        ReproducibleZipWriter.FORMAT,
        List.of(
            new Lockfile.Layer(
                "jackson",
                List.of("java21"),
                List.of("x86_64"),
                SHA,
                Hashes.toBase64(SHA),
                List.of(
                    new Lockfile.Library(
                        Coordinates.of("com.fasterxml.jackson.core", "jackson-databind", "2.21.3"),
                        "b".repeat(64),
                        1000L),
                    new Lockfile.Library(
                        Coordinates.of("com.fasterxml.jackson.core", "jackson-core", "2.21.3"),
                        "c".repeat(64),
                        500L)),
                List.of(
                    new Lockfile.Published(
                        "eu-west-1",
                        "123456789012",
                        "arn:aws:lambda:eu-west-1:123456789012:layer:jackson:3",
                        3,
                        Hashes.toBase64(SHA))))),
        new Lockfile.Function(
            "fn",
            List.of(
                new Lockfile.Library(
                    new Coordinates("com.example", "util", "1.0-SNAPSHOT", "tests", "jar"),
                    null,
                    null))));
  }

  @Test
  void writesCanonicalSortedJsonAndRereadsByteIdentically() {
    String text = LockfileCodec.write(sample());
    assertThat(text).endsWith("}\n").doesNotEndWith("\n\n");
    assertThat(text.indexOf("jackson-core")).isLessThan(text.indexOf("jackson-databind"));
    assertThat(text).contains("\"classifier\": \"tests\"").doesNotContain("\"extension\"");

    Lockfile reread = LockfileCodec.parse(text, FILE);
    assertThat(LockfileCodec.write(reread)).isEqualTo(text);
    assertThat(reread.layers().get(0).published()).isEqualTo(sample().layers().get(0).published());
    assertThat(reread.function().libraries().get(0).hashLocked()).isFalse();
  }

  @Test
  void truncatedFileNamesLineAndColumnOfTheOpenString() {
    String text = LockfileCodec.write(sample());
    String truncated = text.substring(0, text.indexOf(SHA) + 10);
    assertThatThrownBy(() -> LockfileCodec.parse(truncated, FILE))
        .isInstanceOfSatisfying(
            LockfileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(LockfileException.Reason.MALFORMED);
              assertThat(e.location()).isEqualTo("line 15, column 17");
              assertThat(e.problem()).contains("not closed before the end of the file");
              assertThat(e.file()).isEqualTo(FILE);
            });
  }

  @Test
  void truncatedAfterAValueNamesTheOpenObject() {
    String text = "{\n  \"lockfileVersion\": 1,\n  \"layers\": [\n";
    assertThatThrownBy(() -> LockfileCodec.parse(text, FILE))
        .isInstanceOfSatisfying(
            LockfileException.class,
            e ->
                assertThat(e.location() + ": " + e.problem())
                    .isEqualTo(
                        "line 4, column 1: is not valid JSON: the file ends inside the array"
                            + " opened at line 3, column 13 (is it truncated?)"));
  }

  @Test
  void wrongTypeNamesLineColumnAndJsonPath() {
    String text = LockfileCodec.write(sample()).replace("\"size\": 1000", "\"size\": \"1000\"");
    assertThatThrownBy(() -> LockfileCodec.parse(text, FILE))
        .isInstanceOfSatisfying(
            LockfileException.class,
            e -> {
              assertThat(e.location())
                  .isEqualTo("line 30, column 19 ($.layers[0].libraries[1].size)");
              assertThat(e.problem()).isEqualTo("expected a whole number, found a string");
            });
  }

  @Test
  void futureVersionAsksForANewerPlugin() {
    String text =
        LockfileCodec.write(sample()).replace("\"lockfileVersion\": 1", "\"lockfileVersion\": 2");
    assertThatThrownBy(() -> LockfileCodec.parse(text, FILE))
        .isInstanceOfSatisfying(
            LockfileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(LockfileException.Reason.NEWER_VERSION);
              assertThat(e.location()).isEqualTo("line 2, column 22 ($.lockfileVersion)");
              assertThat(e.problem()).contains("lockfileVersion 2 was written by a newer version");
            });
  }

  @Test
  void unknownMemberMissingMemberAndBadHashAreRejected() {
    String base = LockfileCodec.write(sample());
    assertThatThrownBy(
            () -> LockfileCodec.parse(base.replace("\"zipFormat\"", "\"zipFormt\""), FILE))
        .hasMessageContaining("($.zipFormt): unknown member \"zipFormt\"");
    assertThatThrownBy(
            () -> LockfileCodec.parse(base.replace("\"project\": \"com.example:fn\",\n", ""), FILE))
        .hasMessageContaining("line 1, column 1 ($): the member \"project\" is missing");
    assertThatThrownBy(() -> LockfileCodec.parse(base.replace("b".repeat(64), "B"), FILE))
        .hasMessageContaining("($.layers[0].libraries[1].sha256): is not a SHA-256");
    assertThatThrownBy(
            () ->
                LockfileCodec.parse(
                    base.replace(
                        "\"codeSha256\": \"" + Hashes.toBase64(SHA) + "\",\n      \"libraries\"",
                        "\"codeSha256\": \"AAAA\",\n      \"libraries\""),
                    FILE))
        .hasMessageContaining("($.layers[0].codeSha256): is not the base64 form");
  }

  @Test
  void syntaxErrorsAreReportedWhereTheyOccur() {
    assertThatThrownBy(() -> LockfileCodec.parse("{\"a\": 1,}", FILE))
        .hasMessageContaining("line 1, column 9: is not valid JSON: unexpected '}'");
    assertThatThrownBy(() -> LockfileCodec.parse("", FILE)).hasMessageContaining("empty");
    assertThatThrownBy(() -> LockfileCodec.parse("{\"a\": 1, \"a\": 2}", FILE))
        .hasMessageContaining(
            "line 1, column 10: is not valid JSON: the member \"a\" appears twice");
    assertThatThrownBy(() -> LockfileCodec.parse("[]", FILE))
        .hasMessageContaining("line 1, column 1 ($): expected an object, found an array");
  }
}
