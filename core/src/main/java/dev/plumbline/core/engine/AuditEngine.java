package dev.plumbline.core.engine;

import dev.plumbline.core.model.Placement;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceId;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Deployment;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs rule packs over a topology. Each rule runs in isolation: one that throws, or returns no
 * finding at all, becomes an {@code ERROR} finding and the audit goes on.
 */
public final class AuditEngine {

  /**
   * Evaluates every rule of every pack.
   *
   * @throws ParameterException when an override names no rule or parameter, or has a bad value
   */
  public AuditResult evaluate(Topology topology, List<RulePack> packs, RuleParameters parameters) throws ParameterException {
    return evaluate(topology, packs, parameters, Timings.NONE);
  }

  /** Evaluates every rule of every pack, reporting each pack's time (rules and notes) to {@code timings}. */
  public AuditResult evaluate(Topology topology, List<RulePack> packs, RuleParameters parameters, Timings timings)
      throws ParameterException {
    List<Rule> rules = new ArrayList<>();
    List<RuleMetadata> metadata = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RulePack pack : packs) {
      for (Rule rule : pack.rules()) {
        RuleMetadata meta = rule.metadata();
        if (!ids.add(meta.id())) {
          throw new IllegalStateException("rule id " + meta.id() + " is registered twice");
        }
        rules.add(rule);
        metadata.add(meta);
      }
    }
    Map<String, List<RuleMetadata.ParameterSpec>> packParameters = new LinkedHashMap<>();
    packs.forEach(pack -> packParameters.put(pack.id(), pack.parameters()));
    parameters.validate(metadata, packParameters);
    List<Finding> findings = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    Map<String, Map<String, String>> inForce = new LinkedHashMap<>();
    int index = 0;
    for (RulePack pack : packs) {
      long started = System.nanoTime();
      Map<String, Object> shared = parameters.valuesFor(pack.id(), pack.parameters());
      if (!pack.parameters().isEmpty()) {
        inForce.put(pack.id(), parameters.textFor(pack.id(), pack.parameters()));
      }
      List<Deployment> deployments = deploymentsOf(pack, topology, shared);
      int first = index;
      // Each rule's values are read once for all deployments; they are immutable, so the rules share them.
      List<Map<String, Object>> values = new ArrayList<>();
      for (int i = 0; i < pack.rules().size(); i++) {
        values.add(Map.copyOf(parameters.valuesFor(metadata.get(first + i))));
      }
      Map<String, Object> sharedValues = Map.copyOf(shared);
      // What each rule computes from its parameters, kept for its runs over every deployment of this audit.
      List<Map<String, Object>> fromParameters = new ArrayList<>();
      for (int i = 0; i < pack.rules().size(); i++) {
        fromParameters.add(new ConcurrentHashMap<>());
      }
      // Deployments are independent and rules pure, so several are judged at once across the cores;
      // the results keep the deployments' order, so reports stay byte-for-byte the same.
      Stream<Deployment> each = deployments.size() > 1 ? deployments.parallelStream() : deployments.stream();
      List<Judged> judged = each.map(deployment -> judge(pack, deployment, deployments.size() > 1, rules, metadata, first,
          values, sharedValues, fromParameters)).toList();
      List<List<Finding>> byRule = new ArrayList<>();
      pack.rules().forEach(rule -> byRule.add(new ArrayList<>()));
      for (Judged one : judged) {
        one.addTo(byRule, notes);
      }
      for (int i = 0; i < pack.rules().size(); i++, index++) {
        inForce.put(metadata.get(index).id(), parameters.textFor(metadata.get(index)));
        findings.addAll(byRule.get(i));
      }
      timings.record("pack:" + pack.id(), System.nanoTime() - started);
    }
    List<AuditResult.PackInfo> packInfo = packs.stream()
        .map(pack -> new AuditResult.PackInfo(pack.id(), pack.name(), pack.version())).toList();
    return new AuditResult(topology.inputs(), packInfo, metadata, inForce, findings, notes, topology.gaps(),
        topology.capturedAt(), summaries(topology), Optional.empty());
  }

  /** Top-level resources and subnets, as reports list and draw them. */
  private static List<ResourceSummary> summaries(Topology topology) {
    List<ResourceSummary> summaries = new ArrayList<>();
    for (Resource resource : topology.resources()) {
      if (resource.embeddedIn().isPresent() && !resource.is(ResourceType.SUBNET)) {
        continue;
      }
      Placement placement = Placement.of(topology, resource);
      summaries.add(new ResourceSummary(resource.id().toString(), resource.name(), resource.type().name(),
          placement.subnets().stream().map(ResourceId::toString).toList(), placement.zones(), resource.provenance()));
    }
    return summaries;
  }

  /** One deployment's findings per rule of its pack, and the pack's notes on it. */
  private record Judged(List<List<Finding>> findings, List<Note> notes) {

    /**
     * Adds these findings to each rule's and the notes to the pack's. A method of its own: the loop
     * over the deployments runs once per audit, too few times to be compiled while it runs.
     */
    void addTo(List<List<Finding>> byRule, List<Note> packNotes) {
      for (int i = 0; i < findings.size(); i++) {
        byRule.get(i).addAll(findings.get(i));
      }
      packNotes.addAll(notes);
    }
  }

  /**
   * @param values each rule's parameter values in force, in the order of the pack's rules
   * @param fromParameters what each rule has computed from those values, in the same order
   */
  private static Judged judge(RulePack pack, Deployment deployment, boolean several, List<Rule> rules,
      List<RuleMetadata> metadata, int first, List<Map<String, Object>> values, Map<String, Object> shared,
      List<Map<String, Object>> fromParameters) {
    // Asked for once: a deployment may build its topology on each call, and it is let go of after.
    Topology topology;
    try {
      topology = deployment.topology();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return unbuilt(pack, deployment, several, metadata, first, e);
    }
    Map<String, Object> derived = new ConcurrentHashMap<>();
    List<List<Finding>> findings = new ArrayList<>();
    for (int i = 0; i < pack.rules().size(); i++) {
      RuleMetadata meta = metadata.get(first + i);
      List<Finding> found = run(rules.get(first + i), meta,
          new RuleContext(meta, topology, values.get(i), shared, derived, fromParameters.get(i)));
      findings.add(several ? labelled(found, deployment.label()) : found);
    }
    List<Note> notes = new ArrayList<>();
    notesOf(pack, topology, shared).forEach(note -> notes.add(several
        ? new Note(note.packId(), note.title() + " (deployment " + deployment.label() + ")", note.lines()) : note));
    return new Judged(findings, notes);
  }

  /** A deployment whose topology could not be built: every rule's requirement is unchecked, so each is an ERROR. */
  private static Judged unbuilt(RulePack pack, Deployment deployment, boolean several, List<RuleMetadata> metadata,
      int first, Throwable failure) {
    List<List<Finding>> findings = new ArrayList<>();
    for (int i = 0; i < pack.rules().size(); i++) {
      List<Finding> found = List.of(error(metadata.get(first + i), "The deployment's resources could not be gathered ("
          + failure.getClass().getSimpleName() + "); its requirement was not checked."));
      findings.add(several ? labelled(found, deployment.label()) : found);
    }
    String title = "Notes unavailable" + (several ? " (deployment " + deployment.label() + ")" : "");
    return new Judged(findings, List.of(new Note(pack.id(), title,
        List.of("The deployment's resources could not be gathered: " + failure.getClass().getSimpleName()))));
  }

  /** The pack's deployments; a pack that cannot split the scope is run over it whole. */
  private static List<Deployment> deploymentsOf(RulePack pack, Topology topology, Map<String, Object> parameters) {
    try {
      List<Deployment> deployments = pack.deployments(topology, parameters);
      return deployments == null || deployments.isEmpty() ? List.of(new Deployment("", topology)) : deployments;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return List.of(new Deployment("", topology));
    }
  }

  /**
   * Findings of one of several deployments: a subject that is not a resource (the scope, a zone)
   * is named after its deployment, so each deployment's verdicts stay apart.
   */
  private static List<Finding> labelled(List<Finding> findings, String label) {
    List<Finding> named = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      Subject subject = finding.subject();
      if (!subject.isResource()) {
        subject = new Subject(subject.id() + "@" + label, subject.name() + " of deployment " + label, "",
            subject.provenance());
      }
      named.add(new Finding(finding.ruleId(), subject, finding.status(), finding.message(), finding.evidence()));
    }
    return named;
  }

  /** A pack's notes; a pack that fails to describe the topology says so instead of failing the audit. */
  private static List<Note> notesOf(RulePack pack, Topology topology, Map<String, Object> parameters) {
    try {
      return pack.notes(topology, parameters);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return List.of(new Note(pack.id(), "Notes unavailable",
          List.of("The pack could not describe the topology: " + e.getClass().getSimpleName())));
    }
  }

  /** One rule's findings, sorted by subject, or one ERROR finding when the rule misbehaves. */
  static List<Finding> run(Rule rule, RuleMetadata meta, RuleContext context) {
    List<Finding> findings;
    try {
      findings = rule.evaluate(context);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      String detail = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
      return List.of(error(meta, "The rule failed with " + e.getClass().getSimpleName() + detail + "; its requirement was not checked."));
    }
    if (findings == null || findings.isEmpty()) {
      return List.of(error(meta, "The rule returned no finding, so its requirement was not checked."));
    }
    for (Finding finding : findings) {
      if (finding == null || !meta.id().equals(finding.ruleId()) || finding.status() == null || finding.subject() == null) {
        return List.of(error(meta, "The rule returned a malformed finding, so its requirement was not checked."));
      }
    }
    if (findings.size() == 1) {
      return new ArrayList<>(findings);
    }
    // Each subject is lower-cased once, not once per comparison.
    record Keyed(String subject, Finding finding) {}
    List<Keyed> keyed = new ArrayList<>(findings.size());
    findings.forEach(f -> keyed.add(new Keyed(f.subject().id().toLowerCase(java.util.Locale.ROOT), f)));
    keyed.sort(Comparator.comparing(Keyed::subject).thenComparing(k -> k.finding().message()));
    List<Finding> sorted = new ArrayList<>(keyed.size());
    keyed.forEach(k -> sorted.add(k.finding()));
    return sorted;
  }

  private static Finding error(RuleMetadata meta, String message) {
    return new Finding(meta.id(), Subject.scope(), Status.ERROR, message, List.of());
  }

  private static String firstLine(String text) {
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }
}
