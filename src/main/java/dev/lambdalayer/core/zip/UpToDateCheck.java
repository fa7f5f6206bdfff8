package dev.lambdalayer.core.zip;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a zip from an earlier build still holds exactly what would be written now, by
 * comparing a fingerprint of the inputs (names, sizes, SHA-256s, modes, timestamp, writer format)
 * with the one recorded next to it. The check reads no file content, so it costs far less than
 * writing.
 */
public final class UpToDateCheck {

  private static final String SUFFIX = ".state";

  private final Path stateDirectory;

  public UpToDateCheck(Path stateDirectory) {
    this.stateDirectory = stateDirectory;
  }

  public static String fingerprint(Instant timestamp, Collection<ZipInput> inputs) {
    MessageDigest sha = Hashes.sha256();
    StringBuilder text =
        new StringBuilder(ReproducibleZipWriter.FORMAT).append('\n').append(timestamp).append('\n');
    inputs.stream()
        .sorted(Comparator.comparing(ZipInput::name))
        .forEach(
            in ->
                text.append(in.name())
                    .append('\t')
                    .append(in.digest().size())
                    .append('\t')
                    .append(in.digest().sha256())
                    .append('\t')
                    .append(in.executable())
                    .append('\n'));
    return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The recorded zip, if it exists unchanged and was built from the same inputs. */
  public Optional<WrittenZip> find(String key, String fingerprint) {
    Path state = stateFile(key);
    try {
      if (!Files.isRegularFile(state)) {
        return Optional.empty();
      }
      String[] f = Files.readString(state, StandardCharsets.UTF_8).trim().split("\t");
      Path zip = stateDirectory.resolveSibling(f[1]);
      boolean same =
          f[0].equals(fingerprint)
              && Files.isRegularFile(zip)
              && Files.size(zip) == Long.parseLong(f[2])
              && Files.getLastModifiedTime(zip).toMillis() == Long.parseLong(f[6]);
      return same
          ? Optional.of(
              new WrittenZip(
                  zip, Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4]), f[5]))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable state: build the zip again
    }
  }

  public void record(String key, String fingerprint, WrittenZip zip) throws IOException {
    String line =
        String.join(
                "\t",
                fingerprint,
                zip.file().getFileName().toString(),
                Long.toString(zip.zippedBytes()),
                Long.toString(zip.unzippedBytes()),
                Integer.toString(zip.fileCount()),
                zip.sha256(),
                Long.toString(Files.getLastModifiedTime(zip.file()).toMillis()))
            + "\n";
    AtomicFiles.write(stateFile(key), line.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The zip last recorded under {@code key}, whatever its inputs: a file this plugin wrote, so one
   * it may delete once a newer zip replaces it.
   */
  public Optional<Path> recordedZip(String key) {
    try {
      String[] f = Files.readString(stateFile(key), StandardCharsets.UTF_8).trim().split("\t");
      return f.length > 1 && isPlainFileName(f[1])
          ? Optional.of(stateDirectory.resolveSibling(f[1]))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // no record (or an unreadable one): nothing known to be ours
    }
  }

  /** The keys of every zip recorded here. */
  public Set<String> recordedKeys() throws IOException {
    if (!Files.isDirectory(stateDirectory)) {
      return Set.of();
    }
    Set<String> keys = new TreeSet<>();
    try (DirectoryStream<Path> states = Files.newDirectoryStream(stateDirectory, "*" + SUFFIX)) {
      for (Path state : states) {
        String name = state.getFileName().toString();
        keys.add(name.substring(0, name.length() - SUFFIX.length()));
      }
    }
    return keys;
  }

  /** Drops the record of {@code key}; its zip is left as it is. */
  public void forget(String key) throws IOException {
    Files.deleteIfExists(stateFile(key));
  }

  /** A record naming another directory (edited by hand) must never lead a delete there. */
  private static boolean isPlainFileName(String name) {
    return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
  }

  private Path stateFile(String key) {
    return stateDirectory.resolve(key + SUFFIX);
  }
}
