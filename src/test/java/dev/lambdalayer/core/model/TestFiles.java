package dev.lambdalayer.core.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/** Builders for the small artifacts, jars and graphs the core tests work on. */
public final class TestFiles {

  public static final Coordinates PROJECT = Coordinates.of("com.example", "my-function", "1.0");

  private TestFiles() {}

  /** A graph node without a real file, for planner tests. */
  public static ResolvedArtifact artifact(String gav, String... via) {
    return new ResolvedArtifact(
        gav(gav),
        Path.of("/nonexistent/" + gav.replace(':', '_') + ".jar"),
        new FileDigest(100, "0".repeat(64), 0),
        "compile",
        Arrays.stream(via).map(TestFiles::gav).toList(),
        false);
  }

  public static ResolvedArtifact reactorModule(String gav, String... via) {
    ResolvedArtifact a = artifact(gav, via);
    return new ResolvedArtifact(a.coordinates(), a.file(), a.digest(), a.scope(), a.via(), true);
  }

  /** A graph node backed by a real, small jar written under {@code dir}. */
  public static ResolvedArtifact jarArtifact(Path dir, String gav, String... via)
      throws IOException {
    Coordinates coordinates = gav(gav);
    Path jar = dir.resolve(coordinates.artifactId() + "-" + coordinates.version() + ".jar");
    writeJar(jar, coordinates.toString());
    return new ResolvedArtifact(
        coordinates,
        jar,
        FileDigestCache.compute(jar),
        "compile",
        Arrays.stream(via).map(TestFiles::gav).toList(),
        false);
  }

  public static Coordinates gav(String gav) {
    String[] p = gav.split(":");
    return Coordinates.of(p[0], p[1], p[2]);
  }

  /** A real jar with one class-like entry whose content is {@code content}. */
  public static void writeJar(Path jar, String content) throws IOException {
    Files.createDirectories(jar.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      ZipEntry entry = new ZipEntry("content.txt");
      entry.setTime(0);
      out.putNextEntry(entry);
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  public static List<String> names(List<ResolvedArtifact> artifacts) {
    return artifacts.stream().map(a -> a.coordinates().artifactId()).toList();
  }
}
