package dev.lambdalayer.maven;

import dev.lambdalayer.core.invoke.InvokeEvent;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads {@code <event>}: unset ({@code {}}), a file, {@code -} (standard input), or a folder. */
final class InvokeEvents {

  private InvokeEvents() {}

  static List<InvokeEvent> read(String event, Path basedir, InputStream stdin) throws IOException {
    if (event == null || event.isBlank()) {
      return List.of(new InvokeEvent("event", "{}".getBytes(StandardCharsets.UTF_8)));
    }
    if (event.trim().equals("-")) {
      return List.of(new InvokeEvent("stdin", stdin.readAllBytes()));
    }
    Path path = basedir.resolve(event.trim());
    if (Files.isDirectory(path)) {
      List<InvokeEvent> events = new ArrayList<>();
      try (Stream<Path> files = Files.list(path)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          events.add(new InvokeEvent(file.getFileName().toString(), Files.readAllBytes(file)));
        }
      }
      if (events.isEmpty()) {
        throw new InvalidConfigurationException(
            new Violation(
                Setting.INVOKE_EVENT,
                event,
                "is a folder without files",
                "put one JSON event per file into it, or name a file"));
      }
      return events;
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.INVOKE_EVENT,
              event,
              "is no file or folder (looked for " + path + ")",
              "name a JSON file or a folder of them, relative to the project, or - for standard"
                  + " input"));
    }
    return List.of(new InvokeEvent(path.getFileName().toString(), Files.readAllBytes(path)));
  }
}
