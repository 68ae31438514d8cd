package dev.plumbline.reports.html;

import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.engine.ResourceSummary;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Subject;
import dev.plumbline.reports.ReportContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Audits and contexts for the HTML report's tests. */
final class HtmlFixtures {

  /**
   * Hostile strings the hostile fixtures plant, as they would appear if escaping failed. (Quotes that
   * try to break out of an attribute are caught by the attribute scan, since quotes are text elsewhere.)
   */
  static final List<String> HOSTILE_MARKUP = List.of(
      "<img src=x onerror=window.__pwned=1>",
      "\"><svg onload=window.__pwned=2>",
      "<script>window.__pwned=",
      "<svg onload=window.__pwned=",
      "<img src=x onerror=window.__pwned=",
      "</td></tr></table><script>",
      "<b>x</b>");

  private static final Map<String, String> DOC_PAGES = Map.of(
      "TEST-AGW-01", "PCHA-AGW-04", "TEST-VM-01", "PCHA-VM-02", "TEST-VM-02", "PCHA-VM-03",
      "TEST-PG-01", "PCHA-PG-02", "TEST-NET-01", "PCHA-NET-01");

  private HtmlFixtures() {}

  static Path root() {
    return Path.of(System.getProperty("plumbline.root", "..")).toAbsolutePath().normalize();
  }

  /** An example topology audited with the test pack, at a fixed time. */
  static AuditResult example(String name) {
    return audit(root().resolve("examples/posit-connect-ha").resolve(name), TestPack.pack());
  }

  static AuditResult audit(Path topology, RulePack pack) {
    try {
      return new AuditEngine().evaluate(new TopologyLoader().load(topology), List.of(pack), RuleParameters.defaults())
          .generatedAt("2026-11-01T10:00:00Z");
    } catch (Exception e) {
      throw new IllegalStateException("cannot audit " + topology, e);
    }
  }

  /** A context like the command line's: exit code 1, the sibling reports, doc pages from the repository. */
  static ReportContext context() {
    return new ReportContext(1, "high", false, Optional.empty(),
        List.of("plumbline.json", "plumbline.sarif", "plumbline.html"), HtmlFixtures::docPage);
  }

  /** The test rules borrow the real pack's doc pages, so the report shows real Markdown. */
  static Optional<String> docPage(String ruleId) {
    String page = DOC_PAGES.get(ruleId);
    if (page == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(root().resolve("rules/docs/" + page + ".md")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * A topology whose resource names, tags and property values try to inject markup and script, audited
   * with a pack whose own metadata does the same, and a context and extras (gaps, notes, inputs,
   * parameters, times) that do too.
   */
  static AuditResult hostile() {
    AuditResult audit = audit(hostileTopology(), TestPack.hostilePack());
    List<Gap> gaps = new ArrayList<>(audit.gaps());
    gaps.add(new Gap(Gap.Kind.UNREAD, "/subscriptions/x\"><script>window.__pwned=60</script>", "properties.<i>y</i>",
        "javascript:window.__pwned=61", "Denied: <img src=x onerror=window.__pwned=62> \u202Eevil\u2028",
        new Provenance("https://management.azure.com/x?<script>window.__pwned=63</script>", "", 0, 0)));
    List<InputSource> inputs = new ArrayList<>(audit.inputs());
    inputs.add(new InputSource("live:<script>window.__pwned=64</script>", "resource-graph\"><b>", 0, ""));
    List<Note> notes = new ArrayList<>(audit.notes());
    notes.add(new Note("test-pack", "Nodes <script>window.__pwned=65</script>",
        List.of("vm <img src=x onerror=window.__pwned=66>: tagged role=\"><svg onload=window.__pwned=67>")));
    Map<String, Map<String, String>> parameters = new LinkedHashMap<>(audit.parameters());
    parameters.put("TEST-PG-01", Map.of("allowedVersions", "16,<script>window.__pwned=68</script>"));
    return new AuditResult(inputs, audit.packs(), audit.rules(), parameters, audit.findings(), notes, gaps,
        Optional.of("2026-11-01T09:30:00Z<script>window.__pwned=69</script>"), audit.resources(),
        Optional.of("2026-11-01T10:00:00Z\"><img src=x onerror=window.__pwned=70>"));
  }

  /** What {@link #hostileAtScale()} plants in every name, id, type, path, message and evidence value. */
  static final String HOSTILE_DATA = "</script><script>alert(1)</script><!--<script>window.__pwned=300</script>"
      + "\u2028\u2029\u202Egnp.exe\u2066 & > \\\" '";

  /**
   * The hostile audit with 300 more VMs that pass, so that their findings and resource rows go into
   * data blocks: each one's name, id, type, provenance, message and evidence carry {@link #HOSTILE_DATA}.
   */
  static AuditResult hostileAtScale() {
    AuditResult audit = hostile();
    List<ResourceSummary> resources = new ArrayList<>(audit.resources());
    List<Finding> findings = new ArrayList<>(audit.findings());
    String rule = audit.rules().get(0).id();
    for (int i = 0; i < 300; i++) {
      String id = "/subscriptions/s/resourceGroups/rg-" + HOSTILE_DATA + "/providers/Microsoft.Compute/virtualMachines/vm-" + i
          + HOSTILE_DATA;
      ResourceSummary vm = new ResourceSummary(id, "vm-" + i + HOSTILE_DATA, "Microsoft.Compute/virtualMachines" + HOSTILE_DATA,
          List.of(), List.of(), new Provenance("hostile" + HOSTILE_DATA + ".json", "/" + i + HOSTILE_DATA, i + 1, 1));
      resources.add(vm);
      findings.add(new Finding(rule, new Subject(id, vm.name(), vm.type(), vm.provenance()), Status.PASS,
          "Passes " + HOSTILE_DATA, List.of(new Evidence("properties." + HOSTILE_DATA, HOSTILE_DATA, HOSTILE_DATA))));
    }
    return new AuditResult(audit.inputs(), audit.packs(), audit.rules(), audit.parameters(), findings, audit.notes(),
        audit.gaps(), audit.capturedAt(), resources, audit.generatedAt());
  }

  /** The hostile context: the fail-on text, sibling names and every doc page try to inject too. */
  static ReportContext hostileContext() {
    String page = "# X\n\n## Synopsis\nx\n\n## Why\nBecause <script>window.__pwned=80</script> and [click](javascript:window.__pwned=81).\n"
        + "**<img src=x onerror=window.__pwned=82>** `</code><script>window.__pwned=83</script>`\n\n"
        + "## How to fix\n### Azure CLI\n```bash\n</code></pre><script>window.__pwned=84</script>\naz \"><svg onload=window.__pwned=85>\n```\n"
        + "- item <iframe src=javascript:window.__pwned=86>\n  - nested \u202Eevil\n";
    return new ReportContext(1, "high\"><script>window.__pwned=90</script>", false, Optional.empty(),
        List.of("plumbline.json<img src=x onerror=window.__pwned=91>"), id -> Optional.of(page));
  }

  static Path hostileTopology() {
    try {
      return Path.of(HtmlFixtures.class.getResource("hostile-topology.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A synthetic audit of {@code findings} findings over 10 rules and 500 resources, for the scale test:
   * repeated evidence on every row, as a big real audit would have.
   */
  static AuditResult synthetic(int findings) {
    List<RuleMetadata> rules = new ArrayList<>();
    Pillar[] pillars = Pillar.values();
    for (int r = 0; r < 10; r++) {
      rules.add(new RuleMetadata(String.format("SYN-R-%02d", r), "Synthetic.Area" + (r % 4) + ".Rule" + r,
          "Synthetic requirement " + r + ".", Severity.values()[r % 4], pillars[r % pillars.length], List.of(),
          List.of(), List.of(), List.of(), List.of()));
    }
    List<ResourceSummary> resources = new ArrayList<>();
    String vnet = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/vnet";
    resources.add(new ResourceSummary(vnet, "vnet", "Microsoft.Network/virtualNetworks", List.of(), List.of(), Provenance.none()));
    resources.add(new ResourceSummary(vnet + "/subnets/app", "app", "Microsoft.Network/virtualNetworks/subnets", List.of(), List.of(),
        Provenance.none()));
    for (int i = 0; i < 500; i++) {
      resources.add(new ResourceSummary("/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm-" + i,
          "vm-" + i, "Microsoft.Compute/virtualMachines", List.of(vnet + "/subnets/app"), List.of(String.valueOf(1 + i % 3)),
          new Provenance("big.json", "/resources/" + i, 10 + i, 5)));
    }
    List<Finding> list = new ArrayList<>(findings);
    Status[] statuses = {Status.PASS, Status.PASS, Status.PASS, Status.FAIL, Status.UNKNOWN, Status.PASS, Status.NOT_APPLICABLE,
        Status.PASS, Status.FAIL, Status.ERROR};
    for (int i = 0; i < findings; i++) {
      ResourceSummary vm = resources.get(2 + i % 500);
      list.add(new Finding(rules.get(i % 10).id(), new Subject(vm.id() + "/check/" + i, vm.name() + "-" + i, vm.type(), vm.provenance()),
          statuses[(i / 10) % statuses.length], "Finding " + i + " on " + vm.name() + ": the property is not what the rule expects.",
          List.of(new Evidence("properties.setting" + (i % 7), "enabled", i % 2 == 0 ? "disabled" : null),
              new Evidence("properties.other", "at least 2", String.valueOf(i % 5)))));
    }
    return new AuditResult(List.of(new InputSource("big.json", "arm-array", 502, "ab".repeat(32))),
        List.of(new AuditResult.PackInfo("syn", "Synthetic", "1")), rules, Map.of(), list, List.of(), List.of(),
        Optional.of("2026-11-01T09:30:00Z"), resources, Optional.of("2026-11-01T10:00:00Z"));
  }

  /**
   * {@code count} VNets named {@code vnet-0}.., each with one subnet and one VM passing one rule, but
   * the VM of VNet {@code failing} fails it.
   */
  static AuditResult manyVnets(int count, int failing) {
    RuleMetadata rule = new RuleMetadata("SYN-V-01", "Synthetic.Nodes.Size", "VMs are large enough.", Severity.HIGH,
        Pillar.RELIABILITY, List.of(), List.of(), List.of(), List.of(), List.of());
    List<ResourceSummary> resources = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String group = "/subscriptions/s/resourceGroups/g" + i + "/providers/";
      String vnet = group + "Microsoft.Network/virtualNetworks/vnet-" + i;
      resources.add(new ResourceSummary(vnet, "vnet-" + i, "Microsoft.Network/virtualNetworks", List.of(), List.of(),
          Provenance.none()));
      resources.add(new ResourceSummary(vnet + "/subnets/app", "app", "Microsoft.Network/virtualNetworks/subnets",
          List.of(), List.of(), Provenance.none()));
      ResourceSummary vm = new ResourceSummary(group + "Microsoft.Compute/virtualMachines/vm-" + i, "vm-" + i,
          "Microsoft.Compute/virtualMachines", List.of(vnet + "/subnets/app"), List.of("1"), Provenance.none());
      resources.add(vm);
      boolean fails = i == failing;
      findings.add(new Finding(rule.id(), new Subject(vm.id(), vm.name(), vm.type(), vm.provenance()),
          fails ? Status.FAIL : Status.PASS, fails ? "Too small." : "Large enough.",
          List.of(new Evidence("properties.hardwareProfile.vmSize", "Standard_D8_v5", fails ? "Standard_B1s" : "Standard_D8_v5"))));
    }
    return new AuditResult(List.of(new InputSource("many.json", "arm-array", resources.size(), "cd".repeat(32))),
        List.of(new AuditResult.PackInfo("syn", "Synthetic", "1")), List.of(rule), Map.of(), findings, List.of(), List.of(),
        Optional.of("2026-11-01T09:30:00Z"), resources, Optional.of("2026-11-01T10:00:00Z"));
  }

  static String render(AuditResult result, ReportContext context) {
    StringWriter out = new StringWriter();
    try {
      new HtmlReportWriter().write(result, context, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
