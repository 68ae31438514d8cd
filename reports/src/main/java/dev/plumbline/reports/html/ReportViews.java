package dev.plumbline.reports.html;

import dev.plumbline.core.Plumbline;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.engine.ResourceSummary;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.html.ReportView.Appendix;
import dev.plumbline.reports.html.ReportView.Area;
import dev.plumbline.reports.html.ReportView.AttentionItem;
import dev.plumbline.reports.html.ReportView.EvidenceRow;
import dev.plumbline.reports.html.ReportView.Fact;
import dev.plumbline.reports.html.ReportView.Filters;
import dev.plumbline.reports.html.ReportView.FindingRow;
import dev.plumbline.reports.html.ReportView.GapView;
import dev.plumbline.reports.html.ReportView.InputView;
import dev.plumbline.reports.html.ReportView.InventoryRow;
import dev.plumbline.reports.html.ReportView.NoteView;
import dev.plumbline.reports.html.ReportView.ParamRow;
import dev.plumbline.reports.html.ReportView.ResourceRow;
import dev.plumbline.reports.html.ReportView.ResourceTable;
import dev.plumbline.reports.html.ReportView.RuleLink;
import dev.plumbline.reports.html.ReportView.RuleView;
import dev.plumbline.reports.html.ReportView.ScoreCell;
import dev.plumbline.reports.html.ReportView.ScoreRow;
import dev.plumbline.reports.html.ReportView.Scorecard;
import dev.plumbline.reports.html.ReportView.Toggle;
import dev.plumbline.reports.html.ReportView.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Builds the {@link ReportView} of an audit: every decision about what the report shows is made here. */
final class ReportViews {

  /** Rows rendered as HTML per requirement, and in the resources table at least; the rest wait in JSON data blocks. */
  static final int RENDERED_ROWS = 200;
  /** Requirements that need attention start open when they have at most this many rows. */
  static final int OPEN_LIMIT = 50;
  /** Rows printed per requirement. */
  static final int PRINTED_ROWS = 25;
  /** Items per list in "Unknowns and errors". */
  static final int ATTENTION_LIMIT = 200;
  /** Gaps listed in the banner. */
  static final int GAP_LIMIT = 50;

  /** The subject id of findings about the audited scope as a whole, and the filter key of the picture's box for them. */
  static final String SCOPE = dev.plumbline.core.rule.Subject.scope().id();

  private static final List<Status> STATUS_ORDER =
      List.of(Status.FAIL, Status.ERROR, Status.UNKNOWN, Status.PASS, Status.NOT_APPLICABLE);

  /** The reference architecture's sections, in the order it describes them; keyed by a rule name's second-last part. */
  private static final Map<String, String> AREAS = areas();

  private final AuditResult result;
  private final ReportContext context;
  private final Map<String, RuleMetadata> rules = new LinkedHashMap<>();
  /** The listed resources, in input order, and by lookup key (the lower-case id). */
  private final List<Listed> listed = new ArrayList<>();
  private final Map<String, Listed> resourcesByKey = new HashMap<>();
  /** The listed resource of each subject id, or {@link #NOT_LISTED}. */
  private final Map<String, Listed> resourceBySubject = new HashMap<>();
  /** The rule id of each view (views are compared by identity: their rows make equality costly). */
  private final Map<RuleView, String> ruleIds = new IdentityHashMap<>();

  private ReportViews(AuditResult result, ReportContext context) {
    this.result = result;
    this.context = context;
  }

  /** The view of one audit. */
  static ReportView build(AuditResult result, ReportContext context, HtmlAssets assets) {
    return new ReportViews(result, context).build(assets);
  }

  private ReportView build(HtmlAssets assets) {
    result.rules().forEach(rule -> rules.putIfAbsent(rule.id(), rule));
    indexResources();
    Map<String, List<Entry>> findingsByRule = new LinkedHashMap<>();
    rules.keySet().forEach(id -> findingsByRule.put(id, new ArrayList<>()));
    Map<String, Look> zoneLooks = new TreeMap<>();
    Map<String, String> zoneTooltips = new TreeMap<>();
    Look scopeLook = Look.NONE;
    List<String> scopeLines = new ArrayList<>();
    for (Finding finding : result.findings()) {
      Look look = lookOf(finding);
      Listed resource = resourceOf(finding.subject().id());
      findingsByRule.computeIfAbsent(finding.ruleId(), id -> new ArrayList<>()).add(new Entry(finding, look, resource));
      if (resource != null) {
        resource.tally().add(finding.ruleId(), look);
      }
      if (isScope(finding)) {
        scopeLook = scopeLook.worse(look);
        if (look.needsAttention() && scopeLines.size() < 8) {
          scopeLines.add(finding.ruleId() + " " + look.label() + ": " + VisibleText.line(finding.message()));
        }
      }
      String zone = zoneOf(finding);
      if (zone != null) {
        zoneLooks.merge(zone, look, Look::worse);
        zoneTooltips.merge(zone, "Availability zone " + VisibleText.line(zone) + ": " + finding.ruleId() + " "
            + look.label() + ": " + VisibleText.line(finding.message()), (a, b) -> a + "\n" + b);
      }
    }

    List<RuleView> ruleViews = new ArrayList<>();
    findingsByRule.forEach((id, findings) -> {
      RuleView view = ruleView(id, findings);
      ruleIds.put(view, id);
      ruleViews.add(view);
    });
    Verdict verdict = verdict(ruleViews);
    List<Placed> placed = placed();
    TopologyPicture picture = TopologyPicture.draw(
        placed.stream().map(p -> new TopologyPicture.Placed(p.resource(), p.anchor(), p.look(), p.phrase())).toList(),
        zoneLooks, zoneTooltips, scopeLook, "The deployment as a whole: " + (scopeLines.isEmpty()
            ? "every requirement about it passes" : String.join("\n", scopeLines)));

    List<AttentionItem> unknowns = attention(Status.UNKNOWN);
    List<AttentionItem> errors = attention(Status.ERROR);
    int attentionOmitted = (int) result.findings().stream()
        .filter(f -> f.status() == Status.UNKNOWN || f.status() == Status.ERROR).count() - unknowns.size() - errors.size();

    List<GapView> gaps = result.gaps().stream().limit(GAP_LIMIT).map(ReportViews::gapView).toList();
    String title = "Plumbline audit: " + verdict.sentence();
    return new ReportView(
        new ReportView.Page(title, assets.csp(), assets.css(), assets.js(), Plumbline.NAME + " " + Plumbline.version()),
        verdict, facts(), notes(), gaps, result.gaps().size() - gaps.size(), scorecard(ruleViews), picture,
        filters(), areas(ruleViews), unknowns, errors, attentionOmitted, resourceTable(placed), appendix(ruleViews));
  }

  // ---------------------------------------------------------------- resources

  /**
   * A listed resource: the first of the resources with its id, with its row's anchor and the tally of
   * its findings.
   */
  private record Listed(ResourceSummary resource, String anchor, Tally tally) {}

  /** What {@link #resourceOf} maps a subject that belongs to no listed resource to (a map cannot hold null). */
  private static final Listed NOT_LISTED = new Listed(null, "", null);

  /** A resource's worst outcome and its worst outcome per rule, gathered while the findings are read. */
  private static final class Tally {
    private Look worst = Look.NONE;
    private final Map<String, Look> byRule = new LinkedHashMap<>();

    void add(String ruleId, Look look) {
      worst = worst.worse(look);
      byRule.merge(ruleId, look, Look::worse);
    }
  }

  /**
   * A finding with what the report needs of it, worked out once: its look and the listed resource it
   * concerns (null when none).
   */
  private record Entry(Finding finding, Look look, Listed resource) {

    /** The filter key of what it concerns: a resource's anchor, {@code scope}, or "". */
    String filterKey() {
      return resource != null ? resource.anchor() : isScope(finding) ? SCOPE : "";
    }
  }

  /** A resource with what the audit decided about it. */
  private record Placed(ResourceSummary resource, String anchor, Look look, Map<String, Look> byRule, String phrase) {}

  private void indexResources() {
    Map<String, Integer> used = new HashMap<>();
    MessageDigest sha256 = sha256();
    for (ResourceSummary resource : result.resources()) {
      String key = resource.id().toLowerCase(Locale.ROOT);
      if (resourcesByKey.containsKey(key)) {
        continue;
      }
      String anchor = "res-" + shortHash(sha256, key);
      int seen = used.merge(anchor, 1, Integer::sum);
      Listed entry = new Listed(resource, seen == 1 ? anchor : anchor + "-" + seen, new Tally());
      resourcesByKey.put(key, entry);
      listed.add(entry);
    }
  }

  /** The listed resource a subject belongs to: itself, or the nearest parent (a gateway for its HTTP settings). */
  private Listed resourceOf(String subjectId) {
    // Many findings share a subject: look each id up once.
    Listed resource = resourceBySubject.computeIfAbsent(subjectId, this::findResource);
    return resource == NOT_LISTED ? null : resource;
  }

  private Listed findResource(String subjectId) {
    String key = subjectId.toLowerCase(Locale.ROOT);
    while (!key.isEmpty()) {
      Listed found = resourcesByKey.get(key);
      if (found != null) {
        return found;
      }
      int cut = key.lastIndexOf('/');
      if (cut <= 0) {
        return NOT_LISTED;
      }
      key = key.substring(0, cut);
    }
    return NOT_LISTED;
  }

  /** Whether a finding is about the audited scope as a whole rather than one resource. */
  private static boolean isScope(Finding finding) {
    return finding.subject().id().equals(SCOPE) && !finding.subject().isResource();
  }

  /** The zone a finding is about, when its subject is a zone ({@code zone-1}) rather than a resource. */
  private static String zoneOf(Finding finding) {
    String id = finding.subject().id();
    if (finding.subject().isResource() || !id.startsWith("zone-") || id.length() == 5) {
      return null;
    }
    return id.substring(5);
  }

  private List<Placed> placed() {
    List<Placed> placed = new ArrayList<>(listed.size());
    for (Listed l : listed) {
      Map<String, Look> byRule = l.tally().byRule;
      placed.add(new Placed(l.resource(), l.anchor(), l.tally().worst, byRule, phrase(byRule)));
    }
    return placed;
  }

  /** A resource's outcome in words: "fails 2 requirements (1 HIGH, 1 MEDIUM), 1 unknown". */
  private String phrase(Map<String, Look> byRule) {
    Map<Severity, Integer> failing = new EnumMap<>(Severity.class);
    int fails = 0;
    int unknown = 0;
    int errors = 0;
    int passes = 0;
    int notApplicable = 0;
    for (Map.Entry<String, Look> entry : byRule.entrySet()) {
      switch (entry.getValue()) {
        case FAIL_HIGH, FAIL_MEDIUM, FAIL_LOW, FAIL_INFO -> {
          fails++;
          failing.merge(severityOf(entry.getKey()), 1, Integer::sum);
        }
        case ERROR -> errors++;
        case UNKNOWN -> unknown++;
        case PASS -> passes++;
        default -> notApplicable++;
      }
    }
    List<String> parts = new ArrayList<>();
    if (fails > 0) {
      parts.add("fails " + plural(fails, "requirement") + " (" + bySeverity(failing) + ")");
    }
    if (unknown > 0) {
      parts.add((parts.isEmpty() ? plural(unknown, "requirement") + " " : unknown + " ") + "unknown");
    }
    if (errors > 0) {
      parts.add((parts.isEmpty() ? plural(errors, "requirement") + " " : errors + " ") + "in error");
    }
    if (parts.isEmpty() && passes > 0) {
      parts.add("passes " + plural(passes, "requirement"));
    }
    if (parts.isEmpty() && notApplicable > 0) {
      parts.add("not applicable to " + plural(notApplicable, "requirement"));
    }
    return parts.isEmpty() ? "no requirement concerns it" : String.join(", ", parts);
  }

  /**
   * The resources table, worst first: resources that need attention and the first {@value #RENDERED_ROWS}
   * rows as HTML, the rest (resources that pass or have no finding) in a data block.
   */
  private ResourceTable resourceTable(List<Placed> placed) {
    // Sort keys are computed once per resource, not once per comparison: 19,000 resources take ~270,000 comparisons.
    record Keyed(Placed placed, String kind, String name) {}
    List<Keyed> sorted = new ArrayList<>(placed.size());
    for (Placed p : placed) {
      sorted.add(new Keyed(p, TopologyPicture.kindOf(p.resource().type()), p.resource().name().toLowerCase(Locale.ROOT)));
    }
    sorted.sort(Comparator.comparingInt((Keyed k) -> k.placed().look().ordinal())
        .thenComparing(Keyed::kind)
        .thenComparing(Keyed::name)
        .thenComparing(k -> k.placed().resource().id()));
    int rendered = 0;
    while (rendered < sorted.size() && (rendered < RENDERED_ROWS || sorted.get(rendered).placed().look().needsAttention())) {
      rendered++;
    }
    Map<String, RuleLink[]> linkCache = new HashMap<>();
    Function<Keyed, ResourceRow> toRow = k -> resourceRow(k.placed(), k.kind(), linkCache);
    List<ResourceRow> rows = sorted.subList(0, rendered).stream().map(toRow).toList();
    List<Keyed> rest = sorted.subList(rendered, sorted.size());
    return new ResourceTable(rows, sorted.size(), rest.size(), new DeferredResources<>(rest, toRow));
  }

  /** A resource's row; {@code linkCache} holds the rule links made so far, by rule and look. */
  private ResourceRow resourceRow(Placed p, String kind, Map<String, RuleLink[]> linkCache) {
    ResourceSummary resource = p.resource();
    List<RuleLink> links = new ArrayList<>(p.byRule().size());
    p.byRule().forEach((ruleId, look) -> {
      RuleLink[] byLook = linkCache.computeIfAbsent(ruleId, r -> new RuleLink[Look.values().length]);
      if (byLook[look.ordinal()] == null) {
        byLook[look.ordinal()] = new RuleLink(ruleAnchor(ruleId), VisibleText.line(ruleId), look);
      }
      links.add(byLook[look.ordinal()]);
    });
    List<String> subnets = resource.subnets().stream().map(TopologyPicture::shortName).toList();
    return new ResourceRow(p.anchor(), VisibleText.line(resource.name()), VisibleText.line(resource.id()),
        kind, VisibleText.line(resource.type()), TopologyPicture.zonesText(resource.zones()),
        subnets.isEmpty() ? "\u2014" : String.join(", ", subnets), p.look(), links);
  }

  // ---------------------------------------------------------------- requirements

  private RuleView ruleView(String id, List<Entry> entries) {
    RuleMetadata rule = rules.get(id);
    Look worst = Look.NONE;
    for (Entry entry : entries) {
      worst = worst.worse(entry.look());
    }
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(e -> e.look().ordinal()));
    int shown = Math.min(sorted.size(), RENDERED_ROWS);
    List<FindingRow> rows = sorted.subList(0, shown).stream().map(this::row).toList();
    List<Entry> rest = sorted.subList(shown, sorted.size());
    Optional<DocPage> doc = context.docPages().apply(id).map(DocPage::parse);
    String name = rule == null ? "(not in the rule inventory)" : VisibleText.line(rule.name());
    String summary = rule == null ? "" : VisibleText.of(rule.summary());
    List<String> references = rule == null ? List.of() : rule.references().stream().map(VisibleText::of).toList();
    return new RuleView(ruleAnchor(id), VisibleText.line(id), name, summary, severityOf(id).name(),
        rule == null ? "" : pillarName(rule.pillar()), worst, counts(entries),
        worst.needsAttention() && entries.size() <= OPEN_LIMIT,
        doc.flatMap(d -> d.section("Why")).orElse(null),
        doc.flatMap(d -> d.section("How the rule decides")).orElse(null),
        doc.flatMap(d -> d.section("How to fix")).orElse(null),
        references, crossReferences(rule), parametersOf(id), rows, entries.size(), rest.size(),
        new DeferredRows<>(rest, this::row), Math.max(0, entries.size() - PRINTED_ROWS));
  }

  private FindingRow row(Entry entry) {
    Finding finding = entry.finding();
    List<EvidenceRow> evidence = new ArrayList<>(finding.evidence().size());
    for (Evidence e : finding.evidence()) {
      evidence.add(new EvidenceRow(VisibleText.line(e.path()), VisibleText.of(e.expected()),
          e.actual() == null ? null : VisibleText.of(e.actual())));
    }
    String name = finding.subject().name() == null || finding.subject().name().isBlank()
        ? finding.subject().id() : finding.subject().name();
    return new FindingRow(VisibleText.line(name), VisibleText.line(finding.subject().id()),
        entry.filterKey(), entry.look(), VisibleText.of(finding.message()), evidence,
        source(finding.subject().provenance()), position(finding.subject().provenance()), Math.max(1, evidence.size()));
  }

  private List<Area> areas(List<RuleView> ruleViews) {
    Map<String, List<RuleView>> byArea = new TreeMap<>(Comparator.comparing(ReportViews::areaRank)
        .thenComparing(Comparator.naturalOrder()));
    for (RuleView view : ruleViews) {
      RuleMetadata rule = rules.get(rawId(view));
      byArea.computeIfAbsent(areaKey(rule), k -> new ArrayList<>()).add(view);
    }
    List<Area> areas = new ArrayList<>();
    byArea.forEach((key, views) -> {
      List<RuleView> sorted = new ArrayList<>(views);
      sorted.sort(Comparator.comparing((RuleView v) -> v.worst().ordinal())
          .thenComparing(v -> Severity.valueOf(v.severity()).ordinal()));
      Look worst = Look.NONE;
      Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
      for (RuleView view : sorted) {
        worst = worst.worse(view.worst());
        if (!view.worst().status().isEmpty()) {
          byStatus.merge(Status.valueOf(view.worst().status()), 1, Integer::sum);
        }
      }
      String title = AREAS.getOrDefault(key, key);
      areas.add(new Area("area-" + safe(key), title, worst,
          plural(sorted.size(), "requirement") + (byStatus.isEmpty() ? "" : ": " + statusCounts(byStatus)), sorted));
    });
    return areas;
  }

  private String rawId(RuleView view) {
    return ruleIds.getOrDefault(view, "");
  }

  /** The area of a rule, from its name: {@code Connect.Gateway.CookieAffinity} is in {@code Gateway}. */
  private static String areaKey(RuleMetadata rule) {
    if (rule == null) {
      return "Other";
    }
    String[] parts = rule.name().split("\\.");
    return parts.length >= 2 ? VisibleText.line(parts[parts.length - 2]) : "Other";
  }

  private static int areaRank(String key) {
    int rank = 0;
    for (String known : AREAS.keySet()) {
      if (known.equalsIgnoreCase(key)) {
        return rank;
      }
      rank++;
    }
    return key.equals("Other") ? Integer.MAX_VALUE : AREAS.size();
  }

  private static Map<String, String> areas() {
    Map<String, String> areas = new LinkedHashMap<>();
    areas.put("Gateway", "Gateway");
    areas.put("Nodes", "Connect nodes");
    areas.put("Config", "Node configuration");
    areas.put("Database", "Database");
    areas.put("Storage", "Shared storage");
    areas.put("Network", "Network");
    areas.put("Resilience", "Resilience");
    return areas;
  }

  private List<String> crossReferences(RuleMetadata rule) {
    List<String> refs = new ArrayList<>();
    if (rule != null) {
      rule.psrule().forEach(r -> refs.add("PSRule for Azure: " + VisibleText.line(r)));
      rule.checkov().forEach(r -> refs.add("Checkov: " + VisibleText.line(r)));
      rule.azurePolicy().forEach(r -> refs.add("Azure Policy: " + VisibleText.line(r)));
    }
    return refs;
  }

  private List<ParamRow> parametersOf(String scope) {
    Map<String, String> values = result.parameters().get(scope);
    if (values == null) {
      return List.of();
    }
    RuleMetadata rule = rules.get(scope);
    List<ParamRow> rows = new ArrayList<>();
    new TreeMap<>(values).forEach((name, value) -> {
      String defaultValue = rule == null ? null
          : rule.parameter(name).map(RuleMetadata.ParameterSpec::defaultValue).orElse(null);
      rows.add(new ParamRow(VisibleText.line(scope), VisibleText.line(name), VisibleText.of(value),
          defaultValue == null ? "" : VisibleText.of(defaultValue), defaultValue != null && !defaultValue.equals(value)));
    });
    return rows;
  }

  private List<AttentionItem> attention(Status status) {
    List<AttentionItem> items = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (finding.status() != status) {
        continue;
      }
      if (items.size() == ATTENTION_LIMIT) {
        break;
      }
      RuleMetadata rule = rules.get(finding.ruleId());
      Entry entry = new Entry(finding, lookOf(finding), resourceOf(finding.subject().id()));
      items.add(new AttentionItem(entry.look(), severityOf(finding.ruleId()).name(), ruleAnchor(finding.ruleId()),
          VisibleText.line(finding.ruleId()), rule == null ? "" : VisibleText.line(rule.name()),
          VisibleText.line(finding.subject().name()),
          entry.filterKey(), VisibleText.of(finding.message())));
    }
    return items;
  }

  // ---------------------------------------------------------------- top of the page

  private Verdict verdict(List<RuleView> ruleViews) {
    Map<Severity, Integer> failing = new EnumMap<>(Severity.class);
    int fails = 0;
    int unknown = 0;
    int errors = 0;
    int passes = 0;
    int notApplicable = 0;
    for (RuleView view : ruleViews) {
      switch (view.worst()) {
        case FAIL_HIGH, FAIL_MEDIUM, FAIL_LOW, FAIL_INFO -> {
          fails++;
          failing.merge(Severity.valueOf(view.severity()), 1, Integer::sum);
        }
        case ERROR -> errors++;
        case UNKNOWN -> unknown++;
        case PASS -> passes++;
        default -> notApplicable++;
      }
    }
    String sentence;
    Look look;
    List<String> rest = new ArrayList<>();
    if (unknown > 0) {
      rest.add(unknown + " unknown");
    }
    if (errors > 0) {
      rest.add(errors + " in error");
    }
    if (fails > 0) {
      look = Look.FAIL_HIGH;
      sentence = "Does not conform: " + plural(fails, "requirement") + (fails == 1 ? " fails" : " fail") + " ("
          + bySeverity(failing) + ")" + (rest.isEmpty() ? "" : ", " + String.join(", ", rest)) + ".";
    } else if (unknown + errors > 0) {
      look = Look.UNKNOWN;
      sentence = "Not shown to conform: " + plural(unknown + errors, "requirement") + " could not be decided ("
          + String.join(", ", rest) + "); an unknown is never counted as a pass.";
    } else if (passes > 0) {
      look = Look.PASS;
      sentence = "Conforms: " + (passes == 1 ? "the one requirement passes" : "all " + passes + " requirements pass")
          + (notApplicable > 0 ? " (" + notApplicable + " more not applicable)" : "") + ".";
    } else {
      look = Look.UNKNOWN;
      sentence = "Nothing was decided: no requirement passed or failed.";
    }
    String failOn = VisibleText.line(context.failOn());
    String exitLine = switch (context.exitCode()) {
      case 0 -> "Exit code 0: nothing at or above --fail-on " + failOn + " blocks the run.";
      case 1 -> "Exit code 1: FAIL, ERROR or UNKNOWN findings at or above --fail-on " + failOn + " block the run.";
      default -> "Exit code " + context.exitCode() + ".";
    };
    return new Verdict(look, sentence, exitLine);
  }

  private List<Fact> facts() {
    List<Fact> facts = new ArrayList<>();
    List<String> packs = result.packs().stream()
        .map(p -> VisibleText.line(p.name()) + " (" + VisibleText.line(p.id()) + " " + VisibleText.line(p.version()) + ")")
        .toList();
    facts.add(new Fact(result.packs().size() == 1 ? "Rule pack" : "Rule packs",
        packs.isEmpty() ? "none" : String.join("; ", packs), false));
    int resources = result.inputs().stream().mapToInt(InputSource::resources).sum();
    List<String> inputs = result.inputs().stream()
        .map(i -> VisibleText.line(i.location()) + " (" + VisibleText.line(i.shape()) + ", " + plural(i.resources(), "resource")
            + ")")
        .toList();
    facts.add(new Fact(result.inputs().size() == 1 ? "Input" : "Inputs", inputs.isEmpty() ? "none" : String.join("; ", inputs), true));
    facts.add(new Fact("Scope", plural(resources, "resource") + " read, " + plural(result.rules().size(), "requirement")
        + " checked, " + plural(result.findings().size(), "finding") + ", " + plural(result.gaps().size(), "gap"), false));
    facts.add(new Fact("Captured", result.capturedAt().map(VisibleText::line).orElse("not stated by the input"), false));
    facts.add(new Fact("Generated", result.generatedAt().map(VisibleText::line).orElse("not stated"), false));
    facts.add(new Fact("Tool", Plumbline.NAME + " " + Plumbline.version(), false));
    List<String> siblings = siblings();
    if (!siblings.isEmpty()) {
      facts.add(new Fact("Same run", String.join(", ", siblings), false));
    }
    return facts;
  }

  private List<NoteView> notes() {
    List<NoteView> notes = new ArrayList<>();
    for (Note note : result.notes()) {
      notes.add(new NoteView(VisibleText.line(note.title()), note.lines().stream().map(VisibleText::line).toList()));
    }
    return notes;
  }

  private static GapView gapView(Gap gap) {
    return new GapView(gap.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), VisibleText.line(gap.subject()), VisibleText.line(gap.path()),
        VisibleText.line(gap.target()), VisibleText.of(gap.reason()), location(gap.provenance()));
  }

  private Scorecard scorecard(List<RuleView> ruleViews) {
    int[][] counts = new int[Status.values().length][Severity.values().length];
    for (Finding finding : result.findings()) {
      counts[finding.status().ordinal()][severityOf(finding.ruleId()).ordinal()]++;
    }
    List<String> severities = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      severities.add(severity.name());
    }
    List<ScoreRow> rows = new ArrayList<>();
    int[] columnTotals = new int[Severity.values().length];
    for (Status status : STATUS_ORDER) {
      List<ScoreCell> cells = new ArrayList<>();
      int total = 0;
      for (Severity severity : Severity.values()) {
        int count = counts[status.ordinal()][severity.ordinal()];
        total += count;
        columnTotals[severity.ordinal()] += count;
        cells.add(new ScoreCell(count, count == 0 ? null : "#?status=" + status.name() + "&sev=" + severity.name(),
            plural(count, "finding") + " " + status.name() + " at " + severity.name()));
      }
      Look look = Look.of(status, Severity.HIGH);
      rows.add(new ScoreRow(look, status.name(), cells,
          new ScoreCell(total, total == 0 ? null : "#?status=" + status.name(), plural(total, "finding") + " " + status.name())));
    }
    List<ScoreCell> totals = new ArrayList<>();
    int all = 0;
    for (Severity severity : Severity.values()) {
      int count = columnTotals[severity.ordinal()];
      all += count;
      totals.add(new ScoreCell(count, count == 0 ? null : "#?sev=" + severity.name(),
          plural(count, "finding") + " at " + severity.name()));
    }
    totals.add(new ScoreCell(all, null, plural(all, "finding") + " in all"));
    Map<Status, Integer> byRule = new EnumMap<>(Status.class);
    for (RuleView view : ruleViews) {
      if (!view.worst().status().isEmpty()) {
        byRule.merge(Status.valueOf(view.worst().status()), 1, Integer::sum);
      }
    }
    String requirements = plural(ruleViews.size(), "requirement") + " by their worst finding: "
        + (byRule.isEmpty() ? "none decided" : statusCounts(byRule)) + ".";
    return new Scorecard(severities, rows, totals, requirements);
  }

  private Filters filters() {
    Map<Status, Integer> summary = result.summary();
    List<Toggle> statuses = new ArrayList<>();
    for (Status status : STATUS_ORDER) {
      Look look = Look.of(status, Severity.HIGH);
      statuses.add(new Toggle(status.name(), look.word(), look.glyph(), look.css(), summary.get(status)));
    }
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    Map<Pillar, Integer> byPillar = new EnumMap<>(Pillar.class);
    for (RuleMetadata rule : rules.values()) {
      byPillar.putIfAbsent(rule.pillar(), 0);
    }
    for (Finding finding : result.findings()) {
      bySeverity.merge(severityOf(finding.ruleId()), 1, Integer::sum);
      RuleMetadata rule = rules.get(finding.ruleId());
      if (rule != null) {
        byPillar.merge(rule.pillar(), 1, Integer::sum);
      }
    }
    List<Toggle> severities = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      severities.add(new Toggle(severity.name(), severity.name(), "", "sev-" + severity.name().toLowerCase(Locale.ROOT),
          bySeverity.getOrDefault(severity, 0)));
    }
    List<Toggle> pillars = new ArrayList<>();
    byPillar.forEach((pillar, count) -> pillars.add(new Toggle(pillar.name(), pillarName(pillar), "", "", count)));
    return new Filters(statuses, severities, pillars, result.findings().size(), rules.size());
  }

  private Appendix appendix(List<RuleView> ruleViews) {
    List<ParamRow> parameters = new ArrayList<>();
    new TreeMap<>(result.parameters()).keySet().forEach(scope -> parameters.addAll(parametersOf(scope)));
    List<InventoryRow> inventory = new ArrayList<>();
    for (RuleView view : ruleViews) {
      RuleMetadata rule = rules.get(rawId(view));
      inventory.add(new InventoryRow(view.anchor(), view.id(), view.name(), view.severity(), view.pillar(), view.worst(),
          String.join("; ", crossReferences(rule))));
    }
    List<InputView> inputs = result.inputs().stream()
        .map(i -> new InputView(VisibleText.line(i.location()), VisibleText.line(i.shape()), i.resources(),
            i.sha256().isEmpty() ? "(live read)" : VisibleText.line(i.sha256())))
        .toList();
    return new Appendix(parameters, inventory, Plumbline.NAME + " " + Plumbline.version(), Plumbline.INFORMATION_URI,
        inputs, siblings());
  }

  /** The other reports of the same run; this page is not its own sibling. */
  private List<String> siblings() {
    return context.siblings().stream().filter(name -> !name.toLowerCase(Locale.ROOT).endsWith(".html"))
        .map(VisibleText::line).sorted().toList();
  }

  // ---------------------------------------------------------------- small helpers

  private Look lookOf(Finding finding) {
    return Look.of(finding.status(), severityOf(finding.ruleId()));
  }

  private Severity severityOf(String ruleId) {
    RuleMetadata rule = rules.get(ruleId);
    return rule == null ? Severity.HIGH : rule.severity();
  }

  /** An element id for a rule: its id when that is a plain token, else a hash of it. */
  static String ruleAnchor(String ruleId) {
    return "rule-" + safe(ruleId);
  }

  private static String safe(String text) {
    return text.matches("[A-Za-z0-9_-]{1,64}") ? text : shortHash(text);
  }

  private static String shortHash(String text) {
    return shortHash(sha256(), text);
  }

  /** The first 12 hex digits of the text's SHA-256; one digest serves many texts (getting one is not free). */
  private static String shortHash(MessageDigest sha256, String text) {
    return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 6);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** {@code file:line:column /pointer}, or the ARM request URL of a live read; printed as text, never linked. */
  static String location(Provenance provenance) {
    return source(provenance) + position(provenance);
  }

  /** The file or request URL of a {@link #location}. */
  private static String source(Provenance provenance) {
    return VisibleText.line(provenance.source());
  }

  /** The rest of a {@link #location}: {@code :line:column /pointer}, or "" for a provenance without a source. */
  private static String position(Provenance provenance) {
    if (provenance.source().isEmpty()) {
      return "";
    }
    return VisibleText.line((provenance.hasPosition() ? ":" + provenance.line() + ":" + provenance.column() : "")
        + (provenance.pointer().isEmpty() ? "" : " " + provenance.pointer()));
  }

  private static String counts(List<Entry> entries) {
    Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    entries.forEach(e -> byStatus.merge(e.finding().status(), 1, Integer::sum));
    return byStatus.isEmpty() ? "no findings" : statusCounts(byStatus).replace(", ", " \u00b7 ");
  }

  /** {@code 2 FAIL, 1 UNKNOWN, 4 PASS}, worst first, zeros left out. */
  private static String statusCounts(Map<Status, Integer> byStatus) {
    List<String> parts = new ArrayList<>();
    for (Status status : STATUS_ORDER) {
      int count = byStatus.getOrDefault(status, 0);
      if (count > 0) {
        parts.add(count + " " + Look.of(status, Severity.HIGH).word());
      }
    }
    return String.join(", ", parts);
  }

  private static String bySeverity(Map<Severity, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((severity, count) -> parts.add(count + " " + severity.name()));
    return String.join(", ", parts);
  }

  static String plural(int count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }

  private static String pillarName(Pillar pillar) {
    String name = pillar.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

}
