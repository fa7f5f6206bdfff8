package dev.lambdalayer.core.invoke;

import dev.lambdalayer.core.model.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The runtime interface client's native (JNI) part: which of the libraries in its jar fits this
 * machine, and where it is unpacked. Lambda's Java runtime points the client at its library with a
 * system property too, instead of letting it unpack itself into a fixed {@code /tmp} file that two
 * builds at once would share.
 */
public final class RuntimeClientNative {

  /** The system property the client reads for the library's path. */
  public static final String PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private RuntimeClientNative() {}

  /**
   * The library for this OS and CPU ({@code os.name}, {@code os.arch}), or null where the client
   * has none (macOS, Windows, other CPUs): the serialization path runs there.
   */
  public static String libraryFor(String osName, String osArch, boolean musl) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return null;
    }
    String cpu =
        switch (osArch.toLowerCase(Locale.ROOT)) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch_64";
          default -> null;
        };
    if (cpu == null) {
      return null;
    }
    return "libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + cpu + ".so";
  }

  /** Whether this Linux links against musl (Alpine) rather than glibc. */
  public static boolean isMusl() {
    try (Stream<Path> lib = Files.list(Path.of("/lib"))) {
      return lib.anyMatch(p -> p.getFileName().toString().startsWith("ld-musl-"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Unpacks {@code jni/<library>} of the client's jar into {@code dir}.
   *
   * @return the library's file, or null when the jar does not hold it
   */
  public static Path extract(Path clientJar, String library, Path dir) throws IOException {
    try (ZipFile jar = new ZipFile(clientJar.toFile())) {
      ZipEntry entry = jar.getEntry("jni/" + library);
      if (entry == null) {
        return null;
      }
      Files.createDirectories(dir);
      Path target = dir.resolve(library);
      try (InputStream in = jar.getInputStream(entry)) {
        AtomicFiles.write(target, in.readAllBytes());
      }
      return target;
    }
  }
}
