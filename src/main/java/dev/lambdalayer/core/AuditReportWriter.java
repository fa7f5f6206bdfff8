package dev.lambdalayer.core;

import dev.lambdalayer.core.AuditReport.Check;
import dev.lambdalayer.core.AuditReport.Finding;
import dev.lambdalayer.core.AuditReport.Subject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("reportVersion", 1);
    root.put("lockfile", report.lockfile());
    root.put("clean", report.clean());
    root.put("checks", report.checkCount());
    root.put("failedChecks", report.failedCheckCount());
    List<Object> subjects = new ArrayList<>();
    for (Subject subject : report.subjects()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("kind", subject.kind().id());
      s.put("name", subject.name());
      List<Object> checks = new ArrayList<>();
      for (Check check : subject.checks()) {
        List<Finding> findings = report.findings(subject, check);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("check", check.id());
        c.put("passed", findings.isEmpty());
        c.put(
            "findings",
            findings.stream()
                .map(
                    f -> {
                      Map<String, Object> finding = new LinkedHashMap<>();
                      finding.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
                      finding.put("message", f.message());
                      return (Object) finding;
                    })
                .toList());
        checks.add(c);
      }
      s.put("checks", checks);
      subjects.add(s);
    }
    root.put("subjects", subjects);
    return Json.write(root);
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
