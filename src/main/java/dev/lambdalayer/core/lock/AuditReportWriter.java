package dev.lambdalayer.core.lock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.lock.AuditReport.Check;
import dev.lambdalayer.core.lock.AuditReport.Finding;
import dev.lambdalayer.core.lock.AuditReport.Subject;
import dev.lambdalayer.core.model.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link AuditReport} for people (a table grouped by layer), for tools ({@code
 * audit.json}) and for CI systems (JUnit XML: one test case per check and subject, a failure per
 * check that found drift).
 */
public final class AuditReportWriter {

  private AuditReportWriter() {}

  /** The log lines: per subject, each check with "ok" or its findings. */
  public static List<String> table(AuditReport report) {
    List<String> lines = new ArrayList<>();
    for (Subject subject : report.subjects()) {
      lines.add(subject.kind().id() + " " + subject.name());
      for (Check check : subject.checks()) {
        List<Finding> findings = report.findings(subject, check);
        if (findings.isEmpty()) {
          lines.add(String.format(Locale.ROOT, "  %-15s ok", check.id()));
          continue;
        }
        for (int i = 0; i < findings.size(); i++) {
          Finding f = findings.get(i);
          lines.add(
              String.format(
                  Locale.ROOT,
                  "  %-15s %-6s %s",
                  i == 0 ? check.id() : "",
                  f.severity() == AuditReport.Severity.ERROR ? "ERROR" : "DRIFT",
                  f.message()));
        }
      }
    }
    return lines;
  }

  public static String json(AuditReport report) {
    ObjectNode root = JsonFormat.object();
    root.put("reportVersion", 1);
    root.put("lockfile", report.lockfile());
    root.put("clean", report.clean());
    root.put("checks", report.checkCount());
    root.put("failedChecks", report.failedCheckCount());
    ArrayNode subjects = root.putArray("subjects");
    for (Subject subject : report.subjects()) {
      ObjectNode s = subjects.addObject();
      s.put("kind", subject.kind().id());
      s.put("name", subject.name());
      ArrayNode checks = s.putArray("checks");
      for (Check check : subject.checks()) {
        List<Finding> findings = report.findings(subject, check);
        ObjectNode c = checks.addObject();
        c.put("check", check.id());
        c.put("passed", findings.isEmpty());
        ArrayNode out = c.putArray("findings");
        for (Finding f : findings) {
          ObjectNode finding = out.addObject();
          finding.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
          finding.put("message", f.message());
        }
      }
    }
    return JsonFormat.write(root);
  }

  public static String junitXml(AuditReport report) {
    StringBuilder cases = new StringBuilder();
    for (Subject subject : report.subjects()) {
      for (Check check : subject.checks()) {
        List<Finding> findings = report.findings(subject, check);
        cases
            .append("  <testcase classname=\"")
            .append(xml("lambda." + subject.kind().id() + "." + subject.name()))
            .append("\" name=\"")
            .append(xml(check.id()))
            .append("\" time=\"0\"");
        if (findings.isEmpty()) {
          cases.append("/>\n");
          continue;
        }
        String summary =
            findings.size() == 1
                ? findings.get(0).message()
                : findings.size() + " findings: " + findings.get(0).message() + "; ...";
        cases
            .append(">\n    <failure type=\"")
            .append(check.id())
            .append(
                findings.stream().anyMatch(f -> f.severity() == AuditReport.Severity.ERROR)
                    ? "-error"
                    : "-drift")
            .append("\" message=\"")
            .append(xml(summary))
            .append("\">");
        for (Finding f : findings) {
          cases.append(xml(f.severity() + " " + f.message())).append('\n');
        }
        cases.append("</failure>\n  </testcase>\n");
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuite name=\"lambda-audit\" tests=\""
        + report.checkCount()
        + "\" failures=\""
        + report.failedCheckCount()
        + "\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
        + cases
        + "</testsuite>\n";
  }

  /** Writes {@code audit.json} and {@code audit-junit.xml} into {@code directory}. */
  public static void write(AuditReport report, Path directory) throws IOException {
    AtomicFiles.write(
        directory.resolve("audit.json"), json(report).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(
        directory.resolve("audit-junit.xml"), junitXml(report).getBytes(StandardCharsets.UTF_8));
  }

  private static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
