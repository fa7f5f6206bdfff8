package dev.lambdalayer.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Maven's console log that also keeps every info and warning line, for assertions. */
final class RecordingLog extends SystemStreamLog {

  final List<String> lines = new ArrayList<>();

  @Override
  public void info(CharSequence content) {
    lines.add("[INFO] " + content);
    super.info(content);
  }

  @Override
  public void warn(CharSequence content) {
    lines.add("[WARNING] " + content);
    super.warn(content);
  }

  /** Every line, joined, to search in. */
  String text() {
    return String.join("\n", lines);
  }
}
