package dev.lambdalayer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core speaks no build tool: its messages name settings through {@code core.model.Setting}
 * (rendered by {@code maven.SettingNames}), never as POM elements, {@code -D} properties or Maven
 * command lines, so another build tool could render them its own way.
 */
class CoreWordingTest {

  private static final Path CORE = Path.of("src/main/java/dev/lambdalayer/core");

  /** A Java string literal, escapes included. */
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  /** A POM element, a -D property, a Maven command line or a goal. */
  private static final Pattern POM_WORDING =
      Pattern.compile(
          "<(?!init>|clinit>)[a-z][A-Za-z]*>|-Dlambda\\.|\\bmvn |"
              + "\\blambda:(layer|lock|audit|publish|prune|classpath)\\b");

  @Test
  void coreMessagesCarryNoPomWording() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CORE)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String relative = CORE.relativize(file).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).trim().startsWith("*") || lines.get(i).trim().startsWith("//")) {
            continue; // Javadoc and comments may name the POM: they speak to maintainers.
          }
          Matcher literal = LITERAL.matcher(lines.get(i));
          while (literal.find()) {
            if (POM_WORDING.matcher(literal.group()).find()) {
              found.add(relative + ":" + (i + 1) + ": " + literal.group());
            }
          }
        }
      }
    }
    assertThat(found).as("core string literals with POM wording").isEmpty();
  }

  @Test
  void theCheckSeesPomWording() {
    assertThat(POM_WORDING.matcher("\"set <failOnSkew>false\"").find()).isTrue();
    assertThat(POM_WORDING.matcher("\" run mvn lambda:lock\"").find()).isTrue();
    assertThat(POM_WORDING.matcher("\"-Dlambda.prune.apply=true\"").find()).isTrue();
    assertThat(POM_WORDING.matcher("\"<init>\"").find()).isFalse();
    assertThat(POM_WORDING.matcher("\"arn:aws:lambda:\"").find()).isFalse();
  }
}
