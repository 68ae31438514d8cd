package dev.plumbline.reports;

import dev.plumbline.core.engine.AuditResult;
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
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Audit results built by hand, so that report tests control every status, name and size. */
public final class SyntheticAudits {

  /** Every hostile thing a resource name can hold: markup, CDATA end, quotes, controls, separators, a lone surrogate. */
  public static final String HOSTILE = "<script>alert(1)</script> ]]> \"q\" 'a' &amp; \u0000\u0001\u0008\u000B\u000C\u001B"
      + "\u007F\u0085 line\u2028sep\u2029para\r\nnext | pipe `tick` *star* _under_ [link](http://evil.example) "
      + "www.evil.example mail@evil.example # hash \\ back ~strike~ $x$ \u202Egnp.exe\uFFFE\uFFFF lone\uD800 low\uDC00 "
      + "pair\uD83D\uDE00";

  private SyntheticAudits() {}

  public static RuleMetadata rule(String id, String name, Severity severity) {
    return new RuleMetadata(id, name, "Summary of " + name + ".", severity, Pillar.RELIABILITY, List.of(), List.of(),
        List.of(), List.of(), List.of());
  }

  public static Subject subject(String name) {
    return new Subject("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/" + name, name,
        "Microsoft.Compute/virtualMachines", new Provenance("topology.json", "/resources/0", 12, 5));
  }

  /** Five rules, one of each severity and more, with every status at least once. */
  public static AuditResult mixed() {
    List<RuleMetadata> rules = List.of(
        rule("TEST-DB-01", "Test.Database.Version", Severity.HIGH),
        rule("TEST-VM-01", "Test.Nodes.Count", Severity.MEDIUM),
        rule("TEST-VM-02", "Test.Nodes.Zones", Severity.LOW),
        rule("TEST-NET-01", "Test.Network.Ingress", Severity.INFO),
        rule("TEST-ALL-01", "Test.All.Pass", Severity.HIGH));
    List<Finding> findings = List.of(
        new Finding("TEST-DB-01", subject("psql-connect"), Status.FAIL, "PostgreSQL runs 15, not 16.",
            List.of(new Evidence("properties.version", "16", "15"))),
        new Finding("TEST-DB-01", subject("psql-other"), Status.PASS, "PostgreSQL runs 16.",
            List.of(new Evidence("properties.version", "16", "16"))),
        new Finding("TEST-VM-01", subject("vm-1"), Status.UNKNOWN, "The size is not known.",
            List.of(Evidence.absent("properties.hardwareProfile.vmSize", "Standard_D8_v5"))),
        new Finding("TEST-VM-01", subject("vm-2"), Status.FAIL, "Too small.",
            List.of(new Evidence("properties.hardwareProfile.vmSize", "Standard_D8_v5", "Standard_B1s"))),
        new Finding("TEST-VM-02", Subject.scope(), Status.ERROR, "The rule failed with NullPointerException.", List.of()),
        new Finding("TEST-NET-01", subject("vnet"), Status.NOT_APPLICABLE, "No gateway in scope.", List.of()),
        new Finding("TEST-ALL-01", subject("vm-1"), Status.PASS, "Fine.", List.of()),
        new Finding("TEST-ALL-01", subject("vm-2"), Status.PASS, "Fine.", List.of()));
    return result(rules, findings, List.of(new Note("test-pack", "Connect nodes",
        List.of("vm-1: member of backend pool agw/pool", "vm-2: tagged role=posit-connect"))), 2);
  }

  /** One rule whose subject, message, evidence and note carry {@link #HOSTILE}. */
  public static AuditResult hostile() {
    RuleMetadata rule = new RuleMetadata("TEST-X-01", "Test." + HOSTILE, HOSTILE, Severity.HIGH, Pillar.SECURITY,
        List.of(), List.of(), List.of(), List.of(), List.of());
    Subject subject = new Subject("/subscriptions/s/" + HOSTILE, HOSTILE, HOSTILE, new Provenance(HOSTILE, "/x", 3, 4));
    List<Finding> findings = List.of(
        new Finding("TEST-X-01", subject, Status.FAIL, HOSTILE, List.of(new Evidence(HOSTILE, HOSTILE, HOSTILE))),
        new Finding("TEST-X-01", subject, Status.UNKNOWN, HOSTILE, List.of(Evidence.absent(HOSTILE, HOSTILE))),
        new Finding("TEST-X-01", subject, Status.ERROR, HOSTILE, List.of()),
        new Finding("TEST-X-01", subject, Status.NOT_APPLICABLE, HOSTILE, List.of()),
        new Finding("TEST-X-01", subject, Status.PASS, HOSTILE, List.of()));
    return result(List.of(rule), findings, List.of(new Note(HOSTILE, HOSTILE, List.of(HOSTILE, "- " + HOSTILE, "1. item"))), 1);
  }

  /** A finding whose subject name, message and evidence values are null, as a careless custom rule may return. */
  public static AuditResult withNulls() {
    Subject subject = new Subject("res-1", null, null, null);
    return result(List.of(rule("TEST-N-01", "Test.Nulls", Severity.HIGH)),
        List.of(new Finding("TEST-N-01", subject, Status.FAIL, null, List.of(new Evidence(null, null, null)))), List.of(), 0);
  }

  /**
   * {@code count} failing findings spread over {@code ruleCount} rules, each with a long message and
   * three pieces of evidence, plus a note with {@code count} lines: the worst case for a size budget.
   */
  public static AuditResult large(int count, int ruleCount) {
    List<RuleMetadata> rules = new ArrayList<>();
    for (int r = 0; r < ruleCount; r++) {
      rules.add(rule(String.format("TEST-BIG-%05d", r), "Test.Big.Rule" + r + "|" + "\u00E9".repeat(200), Severity.HIGH));
    }
    // The long texts are shared instances, so that 100,000 findings fit in a test's heap.
    String longText = ("<\u00E9|@" + "\uD83D\uDE00").repeat(400);
    List<Evidence> evidence = List.of(new Evidence("p" + longText, "e" + longText, "a" + longText),
        new Evidence("q", "1", "2"), new Evidence("r", "1", null), new Evidence("s", "1", "2"));
    List<Finding> findings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Status status = i % 3 == 0 ? Status.UNKNOWN : Status.FAIL;
      Subject subject = new Subject("vm-" + i, longText, "Microsoft.Compute/virtualMachines", Provenance.none());
      findings.add(new Finding(rules.get(i % ruleCount).id(), subject, status, longText, evidence));
    }
    List<String> noteLines = java.util.Collections.nCopies(count, longText);
    return result(rules, findings, List.of(new Note("test-pack", "Connect nodes", noteLines)), 3);
  }

  private static AuditResult result(List<RuleMetadata> rules, List<Finding> findings, List<Note> notes, int gaps) {
    List<Gap> gapList = new ArrayList<>();
    for (int i = 0; i < gaps; i++) {
      gapList.add(new Gap(Gap.Kind.DANGLING_REFERENCE, "res-" + i, "properties.subnet.id", "missing-" + i,
          "the referenced subnet is not in the topology", Provenance.none()));
    }
    return new AuditResult(List.of(new InputSource("topology.json", "snapshot", 3, "abc")),
        List.of(new AuditResult.PackInfo("test-pack", "Test pack", "1.0.0")), rules, Map.of(), findings, notes, gapList,
        Optional.of("2026-10-31T23:00:00Z"), List.of(), Optional.of("2026-11-01T00:00:00Z"));
  }
}
