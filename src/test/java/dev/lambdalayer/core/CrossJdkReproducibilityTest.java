package dev.lambdalayer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs zipped by JDK 17 (this JVM) and by JDK 25 (a forked JVM) give equal bytes. */
class CrossJdkReproducibilityTest {

  private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path temp;

  @Test
  void jdk25WritesTheSameBytesAsThisJdk() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(JAVA_25), "no JDK 25 at " + JAVA_25);

    Path here = temp.resolve("here.zip");
    WrittenZip written = ZipFixture.write(temp.resolve("work-here"), here);

    Path there = temp.resolve("there.zip");
    Process process =
        new ProcessBuilder(
                List.of(
                    JAVA_25.toString(),
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

    assertThat(Runtime.version().feature()).isNotEqualTo(25);
    assertThat(Files.readAllBytes(there)).isEqualTo(Files.readAllBytes(here));
    assertThat(Hashes.sha256Hex(Files.readAllBytes(there))).isEqualTo(written.sha256());
  }
}
