package dev.lambdalayer.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the zips to check back from the {@code build.json} that {@link BuildReport} wrote, so the
 * class-path check can run as its own goal after packaging without repeating its configuration.
 */
public final class BuildReportReader {

  private BuildReportReader() {}

  /**
   * The function zip, the layer zips in their configured order, the libraries and the runtimes.
   *
   * @throws IOException when the file is missing or not a build report of this plugin
   */
  public static ClassPathInput read(Path buildJson) throws IOException {
    Object parsed = new Parser(Files.readString(buildJson, StandardCharsets.UTF_8)).document();
    if (!(parsed instanceof Map<?, ?> root) || !(root.get("function") instanceof Map<?, ?> fn)) {
      throw new IOException(buildJson + " is not a build report of lambda:layer");
    }
    Path base = buildJson.toAbsolutePath().getParent();
    Map<String, Coordinates> libraries = new LinkedHashMap<>();
    List<ClassPathInput.LayerZip> layers = new ArrayList<>();
    if (root.get("layers") instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> layer = (Map<?, ?>) item;
        layers.add(
            new ClassPathInput.LayerZip(
                (String) layer.get("name"), base.resolve((String) layer.get("file"))));
        libraries(layer, libraries);
      }
    }
    libraries(fn, libraries);
    List<String> runtimes = new ArrayList<>();
    if (root.get("runtimes") instanceof List<?> list) {
      list.forEach(r -> runtimes.add(String.valueOf(r)));
    }
    return new ClassPathInput(base.resolve((String) fn.get("file")), layers, libraries, runtimes);
  }

  private static void libraries(Map<?, ?> zip, Map<String, Coordinates> out) {
    if (zip.get("libraries") instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> lib = (Map<?, ?>) item;
        Coordinates c =
            new Coordinates(
                (String) lib.get("groupId"),
                (String) lib.get("artifactId"),
                (String) lib.get("version"),
                (String) lib.get("classifier"),
                null);
        if (lib.get("entry") instanceof String entry) {
          out.put(entry.substring(entry.lastIndexOf('/') + 1), c);
        }
      }
    }
  }

  /** Just enough JSON for the files {@link Json} writes. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object document() throws IOException {
      Object value = value();
      skipSpace();
      if (at != text.length()) {
        throw error("trailing text");
      }
      return value;
    }

    private Object value() throws IOException {
      skipSpace();
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(at);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek('}')) {
          return map;
        }
        do {
          skipSpace();
          String key = string();
          skipSpace();
          expect(':');
          map.put(key, value());
          skipSpace();
        } while (peek(','));
        expect('}');
        return map;
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek(']')) {
          return list;
        }
        do {
          list.add(value());
          skipSpace();
        } while (peek(','));
        expect(']');
        return list;
      }
      if (c == '"') {
        return string();
      }
      int start = at;
      while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
        at++;
      }
      String word = text.substring(start, at);
      switch (word) {
        case "true":
          return Boolean.TRUE;
        case "false":
          return Boolean.FALSE;
        case "null":
          return null;
        default:
          try {
            return Double.parseDouble(word);
          } catch (NumberFormatException e) {
            throw error("not a value: " + word);
          }
      }
    }

    private String string() throws IOException {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char e = text.charAt(at++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
              at += 4;
            }
            default -> out.append(e);
          }
        } else {
          out.append(c);
        }
      }
      throw error("unterminated string");
    }

    private boolean peek(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) throws IOException {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IOException error(String problem) {
      return new IOException("build report is not valid JSON at character " + at + ": " + problem);
    }
  }
}
