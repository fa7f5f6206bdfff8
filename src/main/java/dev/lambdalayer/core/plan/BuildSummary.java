package dev.lambdalayer.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines a person reads after the build: one per zip, then the saving against a fat zip. */
public final class BuildSummary {

  private BuildSummary() {}

  public static List<String> lines(PackagingResult result) {
    List<String> lines = new ArrayList<>();
    for (BuiltZip layer : result.layers()) {
      lines.add(line("layer", layer));
    }
    lines.add(line("function", result.function()));
    if (!result.plan().runtimeProvided().isEmpty()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%d librar%s left out as provided by the Lambda runtime",
              result.plan().runtimeProvided().size(),
              result.plan().runtimeProvided().size() == 1 ? "y" : "ies"));
    }
    long fat = result.fatZipBytes();
    long slim = result.function().zip().zippedBytes();
    if (!result.layers().isEmpty() && fat > 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "function zip is %s, %s than one fat zip of everything (%s)",
              bytes(slim),
              saving(slim, fat),
              bytes(fat)));
    }
    return lines;
  }

  /**
   * "12.3% smaller"; a saving that would round to 100.0% says "more than 99.9% smaller", as the
   * function zip is never empty, and a zip that is not smaller says so.
   */
  static String saving(long slim, long fat) {
    double percent = 100.0 * (fat - slim) / fat;
    if (percent <= 0) {
      return "not smaller";
    }
    if (percent >= 99.95) {
      return "more than 99.9% smaller";
    }
    return String.format(Locale.ROOT, "%.1f%% smaller", percent);
  }

  private static String line(String kind, BuiltZip zip) {
    return String.format(
        Locale.ROOT,
        "%-8s %-28s %4d jar%s %10s zipped %10s unzipped  sha256 %s  %s",
        kind,
        zip.name(),
        zip.libraries().size(),
        zip.libraries().size() == 1 ? " " : "s",
        bytes(zip.zip().zippedBytes()),
        bytes(zip.zip().unzippedBytes()),
        zip.shortHash(),
        zip.shared() ? "(shared)" : zip.reused() ? "(unchanged)" : "(written)");
  }

  /** Human-sized bytes in powers of 1024, as Lambda's console shows them. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String units = "KMGT";
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length() - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %siB", value, units.charAt(unit));
  }
}
