package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.invoke.InvokeEvent;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way to give lambda:invoke its events, and the refusals naming the setting. */
class InvokeEventsTest {

  @TempDir Path dir;
  private final InputStream stdin =
      new ByteArrayInputStream("{\"from\":\"stdin\"}".getBytes(StandardCharsets.UTF_8));

  private static String body(InvokeEvent e) {
    return new String(e.body(), StandardCharsets.UTF_8);
  }

  @Test
  void unsetIsAnEmptyObject() throws IOException {
    List<InvokeEvent> events = InvokeEvents.read(null, dir, stdin);
    assertThat(events).hasSize(1);
    assertThat(body(events.get(0))).isEqualTo("{}");
  }

  @Test
  void aDashReadsStandardInput() throws IOException {
    assertThat(body(InvokeEvents.read(" - ", dir, stdin).get(0))).isEqualTo("{\"from\":\"stdin\"}");
  }

  @Test
  void aFileRelativeToTheProject() throws IOException {
    Files.writeString(dir.resolve("e.json"), "{\"a\":1}");
    List<InvokeEvent> events = InvokeEvents.read("e.json", dir, stdin);
    assertThat(events.get(0).name()).isEqualTo("e.json");
    assertThat(body(events.get(0))).isEqualTo("{\"a\":1}");
  }

  @Test
  void aFolderInFileNameOrder() throws IOException {
    Files.createDirectories(dir.resolve("events/sub"));
    Files.writeString(dir.resolve("events/b.json"), "2");
    Files.writeString(dir.resolve("events/a.json"), "1");
    Files.writeString(dir.resolve("events/c.json"), "3");
    assertThat(InvokeEvents.read("events", dir, stdin))
        .extracting(InvokeEvent::name)
        .containsExactly("a.json", "b.json", "c.json");
  }

  @Test
  void aMissingFileOrAnEmptyFolderIsRefusedNamingTheSetting() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> InvokeEvents.read("nope.json", dir, stdin))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            e ->
                assertThat(SettingNames.describe((InvalidConfigurationException) e))
                    .contains("<event> (-Dlambda.event) 'nope.json': is no file or folder"));
    assertThatThrownBy(() -> InvokeEvents.read("empty", dir, stdin))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("is a folder without files");
  }
}
