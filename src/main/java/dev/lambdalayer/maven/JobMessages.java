package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.AuditJob;
import dev.lambdalayer.core.job.PublishJob;
import dev.lambdalayer.core.job.PublishRefusedException;
import dev.lambdalayer.core.model.Plural;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.publish.PublishedLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messages for the typed outcomes of the core's jobs that fail or warn a build: what happened,
 * in the user's words (POM elements, {@code -Dlambda.*} properties, goals to run), and what to do.
 */
final class JobMessages {

  private JobMessages() {}

  /**
   * A goal that needs AWS under {@code mvn -o}.
   *
   * @param what the goal, as the user ran it
   * @param why why it needs the network, when not obvious, starting with " ("; else empty
   * @param alternative how to run it without the network, starting with ", or"; else empty
   */
  static String offline(String what, String why, String alternative) {
    return what
        + " needs the network to reach AWS"
        + why
        + ", but Maven runs offline (-o). Run it without -o"
        + alternative
        + ".";
  }

  /**
   * What {@code lambda:publish} did, in one line: how many layer versions it published and how many
   * it found already in AWS, so an unchanged re-publish does not read as "Published".
   */
  static String published(
      PublishJob.Outcome outcome, long millis, String lockfileName, Path publishJson) {
    long made =
        outcome.published().stream()
            .filter(p -> p.outcome() == PublishedLayer.Outcome.PUBLISHED)
            .count();
    long settled =
        outcome.published().stream()
            .filter(p -> p.outcome() == PublishedLayer.Outcome.SETTLED)
            .count();
    long present = outcome.published().size() - made - settled;
    List<String> others = new ArrayList<>();
    if (present > 0 || settled == 0) {
      others.add(present + " already there");
    }
    if (settled > 0) {
      // This build published, yet uses an equal older version: the warnings above say why.
      others.add(settled + " settled on an equal version made at the same time (see the warnings)");
    }
    String versions =
        made == 0
            ? "No new layer version: " + String.join(", ", others)
            : "Published "
                + Plural.of(made, "layer version", "layer versions")
                + (present > 0 || settled > 0 ? " (" + String.join(", ", others) + ")" : "");
    return String.format(
        Locale.ROOT,
        "%s in %s; %s (%d ms). Records: %s, %s.",
        versions,
        outcome.regions(),
        outcome.uploadedBytes() == 0
            ? "nothing uploaded"
            : Plural.of(outcome.uploadedBytes(), "byte", "bytes") + " uploaded",
        millis,
        lockfileName,
        publishJson);
  }

  /**
   * A failed AWS call: the core's message says which call failed, where, and what AWS said; the
   * settings that fix the kind of failure are named here, as the user writes them.
   */
  static String awsCall(AwsCallException e) {
    return e.getMessage()
        + switch (e.kind()) {
          case CREDENTIALS -> ". The profile: " + SettingNames.of(Setting.PROFILE) + ".";
          case REGION ->
              ". The regions: "
                  + SettingNames.of(Setting.REGIONS)
                  + ", or one region: <region> (-Dlambda.region).";
          case TIMEOUT -> ". Allow more time with " + SettingNames.of(Setting.UPDATE_TIMEOUT) + ".";
          default -> "";
        };
  }

  /** Why {@code lambda:publish} refused to start. */
  static String publishRefused(PublishRefusedException e) {
    return switch (e.reason()) {
      case LAYER_PROJECT_HAS_NO_FUNCTION ->
          "A layer project has no function to deploy: remove "
              + SettingNames.of(Setting.FUNCTION)
              + ", or set <layerProject>false</layerProject>.";
      case INTEGRITY_FAILURES ->
          "lambda:publish refuses to publish: "
              + String.join("; ", e.problems())
              + ". Run mvn lambda:audit for the full report; if the new bytes are intended, delete"
              + " the jar from the local repository, let Maven download it again, and run mvn"
              + " lambda:lock.";
      case ATTACHED_LAYER_NOT_VERIFIED ->
          "lambda:publish refuses to deploy the function: a layer version it would use is not the"
              + " one this build checked. "
              + String.join(" ", e.problems().stream().map(p -> "- " + p + ".").toList())
              + " The function was not changed.";
    };
  }

  /** How to accept drift that {@code lambda:audit} found. */
  static String acceptDrift(String lockfileName) {
    return "If the change is intended, accept it: run mvn lambda:lock and commit "
        + lockfileName
        + ".";
  }

  /** {@code lambda:audit} found drift and {@code <failOnDrift>} is set. */
  static String auditDrift(AuditJob.Outcome outcome, String lockfileName) {
    return outcome.summary()
        + acceptDrift(lockfileName)
        + " To report drift without failing, set "
        + SettingNames.of(Setting.AUDIT_FAIL_ON_DRIFT)
        + " to false.";
  }

  /**
   * {@code lambda:audit} found errors, which fail the build whatever {@code <failOnDrift>} says.
   */
  static String auditErrors(AuditJob.Outcome outcome, String lockfileName) {
    return outcome.summary()
        + "An integrity failure or a missing lockfile fails the build even with "
        + SettingNames.of(Setting.AUDIT_FAIL_ON_DRIFT)
        + " false."
        + (outcome.integrityErrors()
            ? " For a checksum mismatch, find out where the jar came from before trusting it:"
                + " delete it from the local repository so Maven downloads it again, and run mvn"
                + " lambda:lock only if the new bytes are intended."
            : "")
        + (outcome.remoteErrors()
            ? " A locked layer version that no longer exists fails it too: run mvn"
                + " lambda:publish, which publishes the same"
                + " content as a new version and records it in "
                + lockfileName
                + "; commit it and redeploy the functions that referenced the deleted"
                + " version."
            : "");
  }
}
