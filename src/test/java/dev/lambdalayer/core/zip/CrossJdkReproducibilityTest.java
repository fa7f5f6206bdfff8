package dev.lambdalayer.core.zip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs zipped by this JVM and by another JDK release (a forked JVM) give equal bytes.
 *
 * <p>The other JDK is {@code -Dlambda.test.otherJdk=/path/to/jdk} (a JDK home or its {@code
 * bin/java}; surefire passes it on from the Maven property of that name), else the newest JDK of
 * another feature release under {@code /usr/lib/jvm}. Without one the test is skipped, and says so
 * on stderr as well as in the report, so a green run does not hide that nothing was compared.
 */
class CrossJdkReproducibilityTest {

  static final String PROPERTY = "lambda.test.otherJdk";

  private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");

  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

  @TempDir Path temp;

  @Test
  void anotherJdkWritesTheSameBytesAsThisJdk() throws Exception {
    Path otherJava = otherJava();

    Path here = temp.resolve("here.zip");
    WrittenZip written = ZipFixture.write(temp.resolve("work-here"), here);

    Path there = temp.resolve("there.zip");
    Process process =
        new ProcessBuilder(
                List.of(
                    otherJava.toString(),
                    "-Duser.timezone=America/Los_Angeles",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ZipFixture.class.getName(),
                    temp.resolve("work-there").toString(),
                    there.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    assertThat(Files.readAllBytes(there)).isEqualTo(Files.readAllBytes(here));
    assertThat(Hashes.sha256Hex(Files.readAllBytes(there))).isEqualTo(written.sha256());
  }

  /** The configured JDK (which must work), else a discovered one, else the test is skipped. */
  private static Path otherJava() throws IOException {
    String configured = System.getProperty(PROPERTY, "").trim();
    if (!configured.isEmpty()) {
      Path java = javaOf(Path.of(configured));
      assertThat(java)
          .as("-D%s=%s names no JDK (neither a JDK home nor its bin/java)", PROPERTY, configured)
          .isExecutable();
      System.err.println("CrossJdkReproducibilityTest: comparing with " + java);
      return java;
    }
    Optional<Path> discovered = discover(Path.of(System.getProperty("java.home")));
    if (discovered.isEmpty()) {
      String message =
          "SKIPPED CrossJdkReproducibilityTest: no JDK of another release than "
              + Runtime.version().feature()
              + " under "
              + JVM_DIRECTORY
              + "; set -D"
              + PROPERTY
              + "=/path/to/jdk to compare the zip bytes across JDKs";
      System.err.println(message);
      Assumptions.abort(message);
    }
    System.err.println("CrossJdkReproducibilityTest: comparing with " + discovered.get());
    return discovered.get();
  }

  /**
   * The {@code bin/java} of the newest JDK under {@code /usr/lib/jvm} whose feature release differs
   * from the running one: a second JDK of the same release proves little.
   */
  static Optional<Path> discover(Path runningHome) throws IOException {
    if (!Files.isDirectory(JVM_DIRECTORY)) {
      return Optional.empty();
    }
    int running = Runtime.version().feature();
    Path runningReal = runningHome.toRealPath();
    try (Stream<Path> homes = Files.list(JVM_DIRECTORY)) {
      return homes
          .filter(home -> Files.isExecutable(javaOf(home)))
          .filter(home -> !realPath(home).equals(runningReal))
          .filter(home -> feature(home) > 0 && feature(home) != running)
          .max(Comparator.comparingInt(CrossJdkReproducibilityTest::feature))
          .map(CrossJdkReproducibilityTest::javaOf);
    }
  }

  /** Accepts a JDK home or the java launcher itself. */
  private static Path javaOf(Path jdk) {
    return Files.isRegularFile(jdk) ? jdk : jdk.resolve("bin/java");
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  /** The feature release a JDK's {@code release} file names, or 0 if it names none. */
  private static int feature(Path home) {
    try {
      Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
