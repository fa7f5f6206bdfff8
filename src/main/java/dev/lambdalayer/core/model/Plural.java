package dev.lambdalayer.core.model;

import java.util.Locale;

/** A count with its noun in the right number: "1 class", "2 classes", never "1 classes". */
public final class Plural {

  private Plural() {}

  /** {@code count} and {@code singular} or {@code plural}, the count grouped by thousands. */
  public static String of(long count, String singular, String plural) {
    return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : plural);
  }
}
