package dev.plumbline.reports.markdown;

import dev.plumbline.core.Plumbline;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit as a CI job summary: verdict, counts, and the rules that need attention with their subjects. */
// GitHub takes at most 1 MiB per job summary, so however large the audit the file stays under
// MAX_BYTES: rows stop once DETAIL_BUDGET bytes are written, and what was left out is counted and
// pointed to the JSON and SARIF reports. Passing rules are only counted.
public final class MarkdownReportWriter implements ReportWriter {

  /** The first line of every Markdown report, invisible once rendered. */
  public static final String MARKER = "<!-- plumbline report -->";

  /** The most bytes (UTF-8) a Markdown report ever takes. */
  public static final int MAX_BYTES = 1_000_000;

  /**
   * Details stop once this many bytes are written. What can follow is bounded (one row, the
   * "more" lines, the notes' overflow line and the footer, each of capped length), so the whole
   * stays well under {@link #MAX_BYTES}.
   */
  static final int DETAIL_BUDGET = 900_000;

  /** Subjects listed per rule before the rest are only counted. */
  static final int SUBJECTS_PER_RULE = 50;

  /** Lines listed per note. */
  static final int LINES_PER_NOTE = 20;

  /** Evidence entries listed per finding. */
  static final int EVIDENCE_PER_FINDING = 3;

  private static final int LONG_TEXT = 300;
  private static final int SHORT_TEXT = 100;
  private static final String MORE = " more in the JSON/SARIF output";

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String extension() {
    return "md";
  }

  @Override
  public boolean wrote(String head) {
    return head.startsWith(MARKER);
  }

  @Override
  public void write(AuditResult result, ReportContext context, Writer writer) throws IOException {
    Output out = new Output(writer);
    Map<String, RuleMetadata> rules = new LinkedHashMap<>();
    result.rules().forEach(rule -> rules.putIfAbsent(rule.id(), rule));
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    rules.keySet().forEach(id -> byRule.put(id, new ArrayList<>()));
    result.findings().forEach(f -> byRule.computeIfAbsent(f.ruleId(), id -> new ArrayList<>()).add(f));

    out.line(MARKER);
    writeVerdict(out, result, context);
    writeCounts(out, result, rules);
    writeAttention(out, byRule, rules);
    writeNotes(out, result.notes());
    writeFooter(out, result, context);
    writer.flush();
  }

  private void writeVerdict(Output out, AuditResult result, ReportContext context) throws IOException {
    String verdict = switch (context.exitCode()) {
      case 0 -> "\u2705 PASSED";
      case 1 -> "\u274C FAILED";
      default -> "\u26A0\uFE0F EXIT " + context.exitCode();
    };
    Map<Status, Integer> summary = result.summary();
    out.line("## Plumbline audit: " + verdict);
    out.line("");
    out.line("**Verdict: " + verdict + "** (exit code " + context.exitCode() + ", fail on: "
        + MarkdownText.inline(context.failOn(), SHORT_TEXT) + "). "
        + summary.get(Status.FAIL) + " FAIL, " + summary.get(Status.UNKNOWN) + " UNKNOWN, "
        + summary.get(Status.ERROR) + " ERROR among " + result.findings().size() + " findings.");
    out.line("");
  }

  private void writeCounts(Output out, AuditResult result, Map<String, RuleMetadata> rules) throws IOException {
    Map<Status, int[]> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, new int[Severity.values().length]);
    }
    for (Finding finding : result.findings()) {
      counts.get(finding.status())[severityOf(rules, finding.ruleId()).ordinal()]++;
    }
    StringBuilder header = new StringBuilder("| Status |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (Severity severity : Severity.values()) {
      header.append(' ').append(severity.name()).append(" |");
      rule.append(" ---: |");
    }
    out.line(header.append(" Total |").toString());
    out.line(rule.append(" ---: |").toString());
    int[] totals = new int[Severity.values().length];
    for (Status status : Status.values()) {
      StringBuilder row = new StringBuilder("| ").append(label(status)).append(" |");
      int sum = 0;
      for (Severity severity : Severity.values()) {
        int n = counts.get(status)[severity.ordinal()];
        row.append(' ').append(n).append(" |");
        sum += n;
        totals[severity.ordinal()] += n;
      }
      out.line(row.append(' ').append(sum).append(" |").toString());
    }
    StringBuilder row = new StringBuilder("| **Total** |");
    for (int n : totals) {
      row.append(' ').append(n).append(" |");
    }
    out.line(row.append(' ').append(result.findings().size()).append(" |").toString());
    out.line("");
  }

  private void writeAttention(Output out, Map<String, List<Finding>> byRule, Map<String, RuleMetadata> rules)
      throws IOException {
    List<Map.Entry<String, List<Finding>>> attention = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> rule : byRule.entrySet()) {
      if (rule.getValue().stream().anyMatch(f -> needsAttention(f.status()))) {
        attention.add(rule);
      }
    }
    // Most severe first; within a severity the packs' own order (the sort is stable).
    attention.sort(Comparator.comparing(rule -> severityOf(rules, rule.getKey())));
    int quiet = byRule.size() - attention.size();
    out.line("### Rules that need attention");
    out.line("");
    out.line(byRule.size() + (byRule.size() == 1 ? " rule" : " rules") + " evaluated: " + attention.size()
        + (attention.size() == 1 ? " needs" : " need") + " attention, \u2705 " + quiet
        + (quiet == 1 ? " rule" : " rules") + " passed or did not apply (not listed).");
    out.line("");
    int omittedRules = 0;
    int omittedFindings = 0;
    for (Map.Entry<String, List<Finding>> rule : attention) {
      List<Finding> shown = rule.getValue().stream().filter(f -> needsAttention(f.status())).toList();
      if (out.full()) {
        omittedRules++;
        omittedFindings += shown.size();
        continue;
      }
      writeRule(out, rule.getKey(), rules.get(rule.getKey()), severityOf(rules, rule.getKey()), shown,
          rule.getValue().size() - shown.size());
    }
    if (omittedRules > 0) {
      out.line("+" + omittedFindings + MORE + " (" + omittedRules + (omittedRules == 1 ? " more rule needs" : " more rules need")
          + " attention).");
      out.line("");
    }
  }

  private void writeRule(Output out, String id, RuleMetadata rule, Severity severity, List<Finding> findings,
      int passed) throws IOException {
    Status worst = findings.stream().map(Finding::status).min(Comparator.comparing(MarkdownReportWriter::rank))
        .orElse(Status.FAIL);
    out.line("#### " + label(worst) + " \u00B7 " + severity.name() + " \u00B7 **" + MarkdownText.inline(id, SHORT_TEXT)
        + "** " + (rule == null ? "" : MarkdownText.inline(rule.name(), SHORT_TEXT)));
    out.line("");
    if (rule != null && !rule.summary().isBlank()) {
      out.line(MarkdownText.inline(rule.summary(), LONG_TEXT));
      out.line("");
    }
    out.line("| Status | Subject | Message | Evidence (expected \u2192 actual) |");
    out.line("| --- | --- | --- | --- |");
    int written = 0;
    for (Finding finding : findings) {
      if (written == SUBJECTS_PER_RULE || out.full()) {
        break;
      }
      out.line(row(finding));
      written++;
    }
    out.line("");
    if (written < findings.size()) {
      out.line("+" + (findings.size() - written) + MORE + ".");
      out.line("");
    }
    if (passed > 0) {
      out.line("\u2705 " + passed + (passed == 1 ? " other subject" : " other subjects") + " passed or did not apply.");
      out.line("");
    }
  }

  private static String row(Finding finding) {
    String name = finding.subject().name();
    String subject = name == null || name.isBlank() ? finding.subject().id() : name;
    StringBuilder evidence = new StringBuilder();
    List<Evidence> all = finding.evidence();
    for (int i = 0; i < all.size() && i < EVIDENCE_PER_FINDING; i++) {
      Evidence e = all.get(i);
      if (i > 0) {
        evidence.append("<br>");
      }
      evidence.append(MarkdownText.inline(e.path(), SHORT_TEXT)).append(": ")
          .append(MarkdownText.inline(e.expected(), SHORT_TEXT)).append(" \u2192 ")
          .append(e.actual() == null ? "_(absent)_" : MarkdownText.inline(e.actual(), SHORT_TEXT));
    }
    if (all.size() > EVIDENCE_PER_FINDING) {
      evidence.append("<br>+").append(all.size() - EVIDENCE_PER_FINDING).append(" more");
    }
    return "| " + label(finding.status()) + " | " + MarkdownText.inline(subject, SHORT_TEXT) + " | "
        + MarkdownText.inline(finding.message(), LONG_TEXT) + " | " + evidence + " |";
  }

  private void writeNotes(Output out, List<Note> notes) throws IOException {
    if (notes.isEmpty()) {
      return;
    }
    out.line("### What the audit took the topology to be");
    out.line("");
    int omitted = 0;
    for (Note note : notes) {
      if (out.full()) {
        omitted += note.lines().size();
        continue;
      }
      out.line("**" + MarkdownText.inline(note.title(), SHORT_TEXT) + "** (" + MarkdownText.inline(note.packId(), SHORT_TEXT) + ")");
      out.line("");
      int written = 0;
      for (String line : note.lines()) {
        if (written == LINES_PER_NOTE || out.full()) {
          break;
        }
        out.line("- " + MarkdownText.inline(line, LONG_TEXT));
        written++;
      }
      omitted += note.lines().size() - written;
      out.line("");
    }
    if (omitted > 0) {
      out.line("+" + omitted + " more lines in the JSON output.");
      out.line("");
    }
  }

  private void writeFooter(Output out, AuditResult result, ReportContext context) throws IOException {
    int gaps = result.gaps().size();
    out.line("---");
    out.line("");
    out.line("- Gaps: " + gaps + (gaps == 0 ? "" : " (what could not be read or resolved; rules that needed it say UNKNOWN;"
        + " listed in the JSON report)"));
    out.line("- Tool: " + MarkdownText.inline(Plumbline.NAME + " " + Plumbline.version(), SHORT_TEXT));
    if (result.generatedAt().isPresent()) {
      out.line("- Generated: " + MarkdownText.inline(result.generatedAt().get(), SHORT_TEXT));
    }
    List<String> others = context.siblings().stream().filter(name -> !name.endsWith("." + extension())).limit(10)
        .map(name -> MarkdownText.inline(name, SHORT_TEXT)).toList();
    if (!others.isEmpty()) {
      out.line("- Full reports: " + String.join(", ", others));
    }
  }

  private static Severity severityOf(Map<String, RuleMetadata> rules, String ruleId) {
    RuleMetadata rule = rules.get(ruleId);
    // As AuditResult.severityOf: a finding of an unknown rule is taken at its most serious.
    return rule == null ? Severity.HIGH : rule.severity();
  }

  private static boolean needsAttention(Status status) {
    return status == Status.FAIL || status == Status.UNKNOWN || status == Status.ERROR;
  }

  /** Worst first: an error hides what a rule would have found. */
  private static int rank(Status status) {
    return switch (status) {
      case ERROR -> 0;
      case FAIL -> 1;
      case UNKNOWN -> 2;
      case NOT_APPLICABLE -> 3;
      case PASS -> 4;
    };
  }

  /** A status as a symbol and its word: the symbol for a glance, the word for everyone else. */
  static String label(Status status) {
    return switch (status) {
      case PASS -> "\u2705 PASS";
      case FAIL -> "\u274C FAIL";
      case UNKNOWN -> "\u2754 UNKNOWN";
      case NOT_APPLICABLE -> "\u2796 NOT\\_APPLICABLE";
      case ERROR -> "\u26A0\uFE0F ERROR";
    };
  }

  /** Writes lines and counts their UTF-8 bytes, so the budget is kept while streaming. */
  private static final class Output {
    private final Writer out;
    private long bytes;

    Output(Writer out) {
      this.out = out;
    }

    void line(String text) throws IOException {
      out.write(text);
      out.write('\n');
      bytes += utf8Length(text) + 1;
    }

    /** Whether the details have used their budget. */
    boolean full() {
      return bytes >= DETAIL_BUDGET;
    }

    private static int utf8Length(String text) {
      int length = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        // A surrogate pair is four bytes, two for each half; a lone one is never written (MarkdownText replaces it).
        length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      }
      return length;
    }
  }
}
