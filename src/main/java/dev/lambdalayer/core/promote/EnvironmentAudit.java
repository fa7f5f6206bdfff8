package dev.lambdalayer.core.promote;

import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.AuditReport.Check;
import dev.lambdalayer.core.lock.AuditReport.Finding;
import dev.lambdalayer.core.lock.AuditReport.Kind;
import dev.lambdalayer.core.lock.AuditReport.Severity;
import dev.lambdalayer.core.lock.AuditReport.Subject;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.CodeReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remote audit of one environment: what the lockfile records it runs (per region: the alias's
 * version, the code, the layer list, each layer version's content) against AWS, the same check a
 * promotion from it makes first. A recorded layer version that no longer exists is an error; every
 * other difference is drift.
 */
public final class EnvironmentAudit {

  private EnvironmentAudit() {}

  /**
   * {@code local} with the environment's checks and findings added.
   *
   * @param regions the environment's regions; none, every recorded region
   */
  public static AuditReport audit(
      AuditReport local,
      Lockfile locked,
      String environment,
      List<String> regions,
      CodeReader code) {
    List<Subject> subjects = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<Lockfile.Deployment> records =
        locked.environment(environment).stream()
            .filter(d -> regions.isEmpty() || regions.contains(d.region()))
            .toList();
    String name = "environment " + environment;
    if (records.isEmpty()) {
      subjects.add(new Subject(Kind.FUNCTION, name, List.of(Check.REMOTE_FUNCTION)));
      findings.add(
          new Finding(
              Check.REMOTE_FUNCTION,
              Kind.FUNCTION,
              name,
              Severity.DRIFT,
              "the lockfile records nothing environment '"
                  + environment
                  + "' runs"
                  + (regions.isEmpty() ? "" : " in " + regions)
                  + ": publish to it first"));
      return local.with(subjects, findings);
    }
    for (Lockfile.Deployment record : records) {
      Kind kind = record.function() == null ? Kind.LAYER : Kind.FUNCTION;
      Check check = record.function() == null ? Check.REMOTE_LAYERS : Check.REMOTE_FUNCTION;
      String subject = record.function() == null ? name : record.function().name();
      if (subjects.stream().noneMatch(s -> s.name().equals(subject))) {
        subjects.add(new Subject(kind, subject, List.of(check)));
      }
      try {
        CodeReader.FunctionCode function =
            record.function() == null
                ? null
                : code.getFunction(
                    record.region(),
                    record.function().name(),
                    SourceCheck.qualifier(record.function()));
        Map<String, Optional<CodeReader.LayerContent>> layers = new LinkedHashMap<>();
        for (String arn : SourceCheck.layerArns(record)) {
          layers.put(arn, code.getLayerVersion(record.region(), arn));
        }
        for (String difference : SourceCheck.differences(record, function, layers)) {
          findings.add(
              new Finding(
                  check,
                  kind,
                  subject,
                  difference.endsWith("no longer exists") ? Severity.ERROR : Severity.DRIFT,
                  difference));
        }
      } catch (AwsCallException e) {
        if (e.kind() == AwsCallException.Kind.CREDENTIALS
            || e.kind() == AwsCallException.Kind.REGION) {
          throw e;
        }
        findings.add(
            new Finding(
                check, kind, subject, Severity.ERROR, "could not be checked: " + e.getMessage()));
      }
    }
    return local.with(subjects, findings);
  }
}
