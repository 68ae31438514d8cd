package dev.plumbline.reports.html;

import gg.jte.Content;
import java.util.List;

/**
 * Everything the HTML template shows, computed in Java from the audit and the report context, so
 * that the template only lays out and escapes. Strings here are untrusted text made visible
 * ({@link VisibleText}); the template escapes all of them.
 */
public record ReportView(
    Page page,
    Verdict verdict,
    List<Fact> facts,
    List<NoteView> notes,
    List<GapView> gaps,
    int gapsOmitted,
    Scorecard scorecard,
    TopologyPicture picture,
    Filters filters,
    List<Area> areas,
    List<AttentionItem> unknowns,
    List<AttentionItem> errors,
    int attentionOmitted,
    ResourceTable resources,
    Appendix appendix) {

  /**
   * The document's head.
   *
   * @param csp the Content-Security-Policy allowing exactly {@code css} and {@code js}
   * @param generator {@code Plumbline <version>}, the marker a later run recognises the file by
   */
  public record Page(String title, String csp, String css, String js, String generator) {}

  /**
   * The one-sentence verdict.
   *
   * @param look FAIL_HIGH, UNKNOWN or PASS: the banner's colour and glyph
   * @param exitLine the exit code the command returned, and why
   */
  public record Verdict(Look look, String sentence, String exitLine) {}

  /** A labelled fact of the banner; a wide one takes the whole row (input paths are long). */
  public record Fact(String label, String value, boolean wide) {}

  /** A note of a rule pack on what it took the topology to be. */
  public record NoteView(String title, List<String> lines) {}

  /** A gap: something the audit could not read or resolve. */
  public record GapView(String kind, String subject, String path, String target, String reason, String location) {}

  /**
   * Counts of findings by status and severity.
   *
   * @param severities the column heads
   * @param totals the findings per severity, then all findings
   * @param requirements one sentence counting requirements by their worst status
   */
  public record Scorecard(List<String> severities, List<ScoreRow> rows, List<ScoreCell> totals, String requirements) {}

  /** One status's row of the scorecard; {@code total} links to the status filter. */
  public record ScoreRow(Look look, String status, List<ScoreCell> cells, ScoreCell total) {}

  /**
   * One count; {@code href} applies the matching filter, null when the count is zero.
   *
   * @param label what the count is, for screen readers and tooltips
   */
  public record ScoreCell(int count, String href, String label) {}

  /** The filter bar's toggles. */
  public record Filters(List<Toggle> statuses, List<Toggle> severities, List<Toggle> pillars, int findings,
      int requirements) {}

  /** One toggle: its value in data attributes and in the fragment, and how many findings it covers. */
  public record Toggle(String value, String label, String glyph, String css, int count) {}

  /** A section of the reference architecture (gateway, nodes, database, ...) and its requirements. */
  public record Area(String anchor, String title, Look worst, String counts, List<RuleView> rules) {}

  /**
   * One requirement, shown as one {@code <details>}.
   *
   * @param counts {@code 2 FAIL · 1 UNKNOWN · 4 PASS}
   * @param open whether the group starts open: it needs attention and has at most 50 rows
   * @param why the doc page's "Why", or null
   * @param decides the doc page's "How the rule decides", or null
   * @param fix the doc page's "How to fix", or null
   * @param rows the first rows, rendered as HTML
   * @param total all findings of the rule
   * @param deferred the rows beyond the first ones, as a JSON data block the script renders on request
   * @param printOmitted rows print leaves out (it prints at most 25 per requirement)
   */
  public record RuleView(String anchor, String id, String name, String summary, String severity, String pillar,
      Look worst, String counts, boolean open, DocPage.Section why, DocPage.Section decides, DocPage.Section fix,
      List<String> references, List<String> crossReferences, List<ParamRow> parameters, List<FindingRow> rows,
      int total, int deferredCount, Content deferred, int printOmitted) {

    public boolean hasDeferred() {
      return deferredCount > 0;
    }

    /** The pillar as filters name it: {@code RELIABILITY}. */
    public String pillarKey() {
      return pillar.toUpperCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One finding in a requirement's evidence table.
   *
   * @param resource the filter key of what it concerns: a resource's anchor, {@code scope} for the deployment
   *     as a whole, or "" for anything else
   * @param source the file (or URL) the subject was read from, "" when it has none
   * @param position where in the source: {@code :line:column /pointer}
   * @param span the rows it takes: one per evidence entry, at least one
   */
  public record FindingRow(String subjectName, String subjectId, String resource, Look look, String message,
      List<EvidenceRow> evidence, String source, String position, int span) {

    /** {@code file:line:column /pointer}, printed as text. */
    public String provenance() {
      return source + position;
    }

    /** The evidence after the first entry, which shares the finding's row. */
    public List<EvidenceRow> moreEvidence() {
      return evidence.size() <= 1 ? List.of() : evidence.subList(1, evidence.size());
    }

    /** The anchor of the resource's row to link the subject to, or null when it has none. */
    public String link() {
      return resource.startsWith("res-") ? resource : null;
    }

    /** The first evidence entry, or null when there is none. */
    public EvidenceRow firstEvidence() {
      return evidence.isEmpty() ? null : evidence.get(0);
    }
  }

  /** One evidence entry; {@code actual} is null when the property is absent. */
  public record EvidenceRow(String path, String expected, String actual) {}

  /** A finding listed under "Unknowns and errors". */
  public record AttentionItem(Look look, String severity, String ruleAnchor, String ruleId, String ruleName,
      String subject, String resource, String message) {

    /** The anchor of the resource's row to link the subject to, or null when it has none. */
    public String link() {
      return resource.startsWith("res-") ? resource : null;
    }
  }

  /**
   * The resources table, worst first.
   *
   * @param rows the rows rendered as HTML: every resource that needs attention, and at least the first ones
   * @param total every resource listed
   * @param deferred the rows beyond {@code rows}, as a JSON data block the script draws on request
   */
  public record ResourceTable(List<ResourceRow> rows, int total, int deferredCount, Content deferred) {

    public boolean hasDeferred() {
      return deferredCount > 0;
    }
  }

  /** One resource of the topology, the text equivalent of the picture. */
  public record ResourceRow(String anchor, String name, String id, String kind, String type, String zones,
      String subnet, Look worst, List<RuleLink> rules) {}

  /** A requirement that touched a resource, with the resource's worst outcome under it. */
  public record RuleLink(String anchor, String id, Look look) {}

  /** A parameter in force; {@code changed} when it differs from the rule's default. */
  public record ParamRow(String scope, String name, String value, String defaultValue, boolean changed) {}

  /** One row of the rule inventory. */
  public record InventoryRow(String anchor, String id, String name, String severity, String pillar, Look worst,
      String crossReferences) {}

  /** One input file or live scope. */
  public record InputView(String location, String shape, int resources, String sha256) {}

  /** The appendix: what the run was configured with and what it read. */
  public record Appendix(List<ParamRow> parameters, List<InventoryRow> inventory, String tool, String informationUri,
      List<InputView> inputs, List<String> siblings) {}
}
