package dev.lambdalayer.core.zip;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Decides whether a zip from an earlier build still holds exactly what would be written now, by
 * comparing a fingerprint of the inputs (names, sizes, SHA-256s, modes, timestamp, writer format)
 * with the one recorded next to it. The check reads no file content, so it costs far less than
 * writing.
 */
public final class UpToDateCheck {

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

  private Path stateFile(String key) {
    return stateDirectory.resolve(key + ".state");
  }
}
