package dev.lambdalayer.core.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether a layer version just published duplicates an older version with the same content, which
 * of the versions with that content are this publisher's own (to delete), and why they appeared.
 *
 * @param kept the lowest version with the content, the one every publisher settles on
 * @param own this publisher's duplicates: its answered version, and with {@link
 *     Cause#RETRIED_REQUEST} also the versions its unanswered attempts created
 * @param cause why a duplicate exists
 */
record DuplicateVersions(long kept, List<Long> own, Cause cause) {

  /** Why a second version with the same content exists. */
  enum Cause {
    /** Another publisher published the content between this one's look-up and its publish. */
    CONCURRENT_PUBLISHER,
    /** An attempt of this publisher's own call got no answer, yet created a version; retried. */
    RETRIED_REQUEST,
    /** Both: more versions appeared than this publisher's unanswered attempts can explain. */
    BOTH
  }

  DuplicateVersions {
    own = List.copyOf(own);
  }

  /**
   * Decides from what the publisher saw.
   *
   * @param published the version the publish call answered with
   * @param lostAnswers the call's attempts that got no answer and were retried
   * @param highestBefore the highest version listed before publishing, 0 for none: any version
   *     above it appeared after the look-up (versions only ever increase)
   * @param sameContent the versions carrying the content, listed after publishing
   * @return empty when the published version is the lowest with its content
   */
  static Optional<DuplicateVersions> of(
      long published, int lostAnswers, long highestBefore, Collection<Long> sameContent) {
    TreeSet<Long> all = new TreeSet<>(sameContent);
    all.add(published);
    long kept = all.first();
    if (kept == published) {
      return Optional.empty();
    }
    // Versions that appeared between the look-up and the answer, other than the answered one.
    List<Long> appeared = new ArrayList<>(all.subSet(highestBefore, false, published, false));
    if (lostAnswers == 0) {
      return Optional.of(
          new DuplicateVersions(kept, List.of(published), Cause.CONCURRENT_PUBLISHER));
    }
    if (!appeared.isEmpty() && appeared.size() <= lostAnswers) {
      // All of them can be this call's own unanswered attempts: the lowest is kept, the rest go.
      List<Long> own = new ArrayList<>(appeared.subList(1, appeared.size()));
      own.add(published);
      return Optional.of(new DuplicateVersions(kept, own, Cause.RETRIED_REQUEST));
    }
    return Optional.of(new DuplicateVersions(kept, List.of(published), Cause.BOTH));
  }

  /** The cause in words, for the warning. */
  String reason(long published) {
    return switch (cause) {
      case CONCURRENT_PUBLISHER ->
          "another publisher (a concurrent build?) published the same content between this"
              + " build's look-up and its PublishLayerVersion";
      case RETRIED_REQUEST ->
          "an answer to this build's PublishLayerVersion was lost (dropped connection or timeout)"
              + " and the AWS SDK retried the call, which had already created version "
              + kept
              + (own.size() > 1 ? " and " + own.subList(0, own.size() - 1) : "");
      case BOTH ->
          "the AWS SDK retried this build's PublishLayerVersion after a lost answer, and another"
              + " publisher (a concurrent build?) published the same content before version "
              + published;
    };
  }
}
