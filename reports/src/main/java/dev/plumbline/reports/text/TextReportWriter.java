package dev.plumbline.reports.text;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The terminal table: one row per finding, then the packs' notes, the gaps, and a one-line summary. */
public final class TextReportWriter implements ReportWriter {

  private static final String[] HEADERS = {"STATUS", "SEVERITY", "RULE", "SUBJECT", "MESSAGE"};

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public boolean wrote(String head) {
    return head.startsWith(HEADERS[0] + " ");
  }

  @Override
  public void write(AuditResult result, ReportContext context, Writer out) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (Finding finding : result.findings()) {
      rows.add(new String[] {
          finding.status().name(),
          result.severityOf(finding).name(),
          finding.ruleId(),
          singleLine(finding.subject().name()),
          singleLine(finding.message())});
    }
    int[] widths = new int[HEADERS.length - 1];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = HEADERS[c].length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    writeRow(out, HEADERS, widths);
    for (String[] row : rows) {
      writeRow(out, row, widths);
    }
    for (Note note : result.notes()) {
      out.write("\n" + singleLine(note.title()) + ":\n");
      for (String line : note.lines()) {
        out.write("  " + singleLine(line) + "\n");
      }
    }
    if (!result.gaps().isEmpty()) {
      out.write("\nGaps (what could not be read or resolved; rules that needed it say UNKNOWN):\n");
      for (Gap gap : result.gaps()) {
        out.write("  " + gap.kind() + "  " + singleLine(gap.subject())
            + (gap.path().isEmpty() ? "" : " " + singleLine(gap.path()))
            + (gap.target().isEmpty() ? "" : " -> " + singleLine(gap.target()))
            + ": " + singleLine(gap.reason()) + "\n");
      }
    }
    out.write("\n" + summaryLine(result) + "\n");
    out.flush();
  }

  /** {@code 5 PASS, 1 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR; 16 resources from 1 input; 0 gaps}. */
  public static String summaryLine(AuditResult result) {
    List<String> counts = new ArrayList<>();
    for (Map.Entry<Status, Integer> count : result.summary().entrySet()) {
      counts.add(count.getValue() + " " + count.getKey().name());
    }
    int resources = result.inputs().stream().mapToInt(input -> input.resources()).sum();
    int inputs = result.inputs().size();
    return String.join(", ", counts) + "; " + resources + " resources from " + inputs + (inputs == 1 ? " input" : " inputs")
        + "; " + result.gaps().size() + (result.gaps().size() == 1 ? " gap" : " gaps");
  }

  private static void writeRow(Writer out, String[] row, int[] widths) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < row.length; c++) {
      if (c < widths.length) {
        line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
      } else {
        line.append(row[c]);
      }
    }
    out.write(line.toString().stripTrailing() + "\n");
  }

  /** Control characters from Azure data must not move the terminal's cursor or fake rows. */
  static String singleLine(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      clean.append(Character.isISOControl(c) ? ' ' : c);
    }
    return clean.toString();
  }
}
